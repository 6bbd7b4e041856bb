import FoundationEssentials

@testable import OrdersStore

/// Small builders for rows, so tests state only what matters to them.
enum Samples {
    /// A fixed instant: 2026-11-27 16:21:52.929971 UTC.
    static let instant = StoreTimestamp.date(from: "2026-11-27 16:21:52.929971")!

    static func time(_ text: String) -> Date {
        StoreTimestamp.date(from: text)!
    }

    static func customer(_ email: String = "ann@example.com", id: String = UUID().uuidString) -> Customer {
        Customer(id: id, email: email, name: "Ann Example", stripeCustomerID: nil, createdAt: instant)
    }

    static func order(
        customerID: String,
        id: String = UUID().uuidString,
        amountCents: Int = 4999,
        currency: String = "usd",
        status: OrderStatus = .paid,
        createdAt: Date = instant,
        paymentIntentID: String? = nil
    ) -> Order {
        Order(
            id: id, customerID: customerID, paymentIntentID: paymentIntentID ?? "pi_" + id.prefix(8),
            amountCents: amountCents, currency: currency, status: status, createdAt: createdAt)
    }

    static func refund(
        orderID: String,
        amountCents: Int,
        currency: String = "usd",
        status: RefundLogStatus,
        id: String = UUID().uuidString
    ) -> RefundLogEntry {
        RefundLogEntry(
            id: id, orderID: orderID, amountCents: amountCents, currency: currency, reason: "requested_by_customer",
            refundedBy: "ai-assistant", status: status, idempotencyKey: "refund-" + id, createdAt: instant)
    }

    /// A store in memory with one customer, for query tests.
    static func memoryStore(with customers: [Customer] = []) throws -> SQLiteStore {
        let store = try SQLiteStore(location: .memory)
        try store.write { db in
            for customer in customers { try db.insertCustomer(customer) }
        }
        return store
    }
}
