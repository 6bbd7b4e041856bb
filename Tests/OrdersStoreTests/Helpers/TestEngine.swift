import FoundationEssentials
import Testing

@testable import OrdersStore

/// The engines the conformance suite runs each case against, through `any OrdersStore` with identical
/// expectations: a SQLite file, and a fresh PostgreSQL schema when a cluster is configured.
enum TestEngine: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    /// SQLite always; PostgreSQL when `PAYMENT_OPS_TEST_POSTGRES_URL` is set (`ConformanceTests` shows the skip).
    static let available: [TestEngine] = TestPostgres.isConfigured ? [.sqlite, .postgresql] : [.sqlite]

    var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }

    /// Runs `body` with a migrated store of this engine holding `customers`, `orders` and `refunds` and nothing
    /// else, removed afterwards.
    func withStore<T>(
        customers: [Customer] = [], orders: [Order] = [], refunds: [RefundLogEntry] = [],
        _ body: (any OrdersStore) async throws -> T
    ) async throws -> T {
        let rows = Rows(customers: customers, orders: orders, refunds: refunds)
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.path + "/orders-conformance-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let store = try SQLiteStore(location: .file(path: directory + "/orders.db"))
            try await rows.insert(into: store)
            return try await body(store)
        case .postgresql:
            return try await TestPostgres.withMigratedStore { store throws in
                try await rows.insert(into: store)
                return try await body(store)
            }
        }
    }

    /// The rows a store starts with.
    private struct Rows: Sendable {
        var customers: [Customer]
        var orders: [Order]
        var refunds: [RefundLogEntry]

        func insert(into store: any OrdersStore) async throws {
            try await store.write { transaction in
                for customer in customers { try transaction.insertCustomer(customer) }
                for order in orders { try transaction.insertOrder(order) }
                for refund in refunds { try transaction.insertRefundLogEntry(refund) }
            }
        }
    }
}
