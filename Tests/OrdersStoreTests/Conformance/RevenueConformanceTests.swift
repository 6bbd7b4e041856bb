import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Revenue, customer totals and row counts, on every engine")
struct RevenueConformanceTests {
    let ann = RevenueSamples.ann

    /// Runs `body` with a store of `engine` holding `RevenueSamples`' rows.
    private func withOrders(on engine: TestEngine, _ body: (any OrdersStore) async throws -> Void) async throws {
        try await engine.withStore(
            customers: [RevenueSamples.ann, RevenueSamples.bob], orders: RevenueSamples.orders,
            refunds: RevenueSamples.refunds, body)
    }

    @Test(
        "per currency: orders, gross, succeeded refunds and net over an inclusive UTC range",
        arguments: TestEngine.available)
    func revenueByCurrency(engine: TestEngine) async throws {
        try await withOrders(on: engine) { store throws in
            let totals = try await store.read { try $0.revenue(from: "2026-11-01", through: "2026-11-30") }
            #expect(
                totals == [
                    CurrencyTotals(currency: "eur", orders: 1, grossCents: 5_000, refundedCents: 5_000),
                    CurrencyTotals(currency: "jpy", orders: 1, grossCents: 700, refundedCents: 0),
                    CurrencyTotals(currency: "usd", orders: 2, grossCents: 3_000, refundedCents: 500),
                ])
            #expect(totals.map(\.netCents) == [0, 700, 2_500])
        }
    }

    @Test("a single day counts only that day, and an empty range is empty", arguments: TestEngine.available)
    func singleDay(engine: TestEngine) async throws {
        try await withOrders(on: engine) { store throws in
            #expect(
                try await store.read { try $0.revenue(from: "2026-11-30", through: "2026-11-30") } == [
                    CurrencyTotals(currency: "eur", orders: 1, grossCents: 5_000, refundedCents: 5_000)
                ])
            #expect(try await store.read { try $0.revenue(from: "2025-01-01", through: "2025-12-31") } == [])
        }
    }

    @Test("customer totals are the same sums over all of one customer's orders", arguments: TestEngine.available)
    func customerTotals(engine: TestEngine) async throws {
        try await withOrders(on: engine) { [ann] store throws in
            #expect(
                try await store.read { try $0.customerTotals(customerID: ann.id) } == [
                    CurrencyTotals(currency: "eur", orders: 1, grossCents: 80_000, refundedCents: 0),
                    CurrencyTotals(currency: "usd", orders: 3, grossCents: 93_000, refundedCents: 40_500),
                ])
            #expect(try await store.read { try $0.customerTotals(customerID: "nobody") } == [])
        }
    }

    @Test(
        "dates that are not real days are refused",
        arguments: TestEngine.available, ["2026-02-30", "2026-11-1", "yesterday", ""])
    func badDates(engine: TestEngine, text: String) async throws {
        try await withOrders(on: engine) { store throws in
            let error = await #expect(throws: StoreError.self) {
                try await store.read { try $0.revenue(from: text, through: "2026-11-30") }
            }
            #expect(error?.message == "Dates must be real days written YYYY-MM-DD, like 2026-11-27")
        }
    }

    @Test("row counts are the rows of customers, orders and the journal", arguments: TestEngine.available)
    func rowCounts(engine: TestEngine) async throws {
        try await withOrders(on: engine) { store throws in
            #expect(
                try await store.read { try $0.rowCounts() } == StoreRowCounts(customers: 2, orders: 6, refundLog: 6))
        }
        try await engine.withStore { store throws in
            #expect(
                try await store.read { try $0.rowCounts() } == StoreRowCounts(customers: 0, orders: 0, refundLog: 0))
        }
    }
}
