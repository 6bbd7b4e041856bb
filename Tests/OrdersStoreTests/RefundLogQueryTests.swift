import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Refund journal on SQLite")
struct RefundLogQueryTests {
    let ann = Samples.customer()

    private func storeWithOrders(_ orders: [Order]) throws -> SQLiteStore {
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            for order in orders { try db.insertOrder(order) }
        }
        return store
    }

    @Test("an idempotency key can be journalled only once")
    func idempotencyKeyIsUnique() throws {
        let order = Samples.order(customerID: ann.id)
        let store = try storeWithOrders([order])
        var first = Samples.refund(orderID: order.id, amountCents: 100, status: .pending)
        first.idempotencyKey = "same-key"
        var second = Samples.refund(orderID: order.id, amountCents: 100, status: .pending)
        second.idempotencyKey = "same-key"
        try store.write { try $0.insertRefundLogEntry(first) }
        let error = try #require(throws: SQLiteError.self) { try store.write { try $0.insertRefundLogEntry(second) } }
        #expect(error.isUniqueViolation)
        #expect(error.message == "UNIQUE constraint failed: refund_log.idempotency_key")
    }

    @Test("an order's refund sums beyond the integer limits saturate, and journal writes still go through")
    func overflowingSumsSaturate() throws {
        let order = Samples.order(customerID: ann.id, id: "huge")
        let store = try storeWithOrders([order])
        let tooMuch = Samples.refund(orderID: "huge", amountCents: 1, status: .pending)
        try store.write { db throws in
            try db.insertRefundLogEntry(Samples.refund(orderID: "huge", amountCents: .max, status: .pending))
            try db.insertRefundLogEntry(tooMuch)
        }
        var page = try store.read { try $0.refundedOrders(customerID: ann.id, limit: 10, after: nil) }
        #expect(page == [RefundedOrder(order: order, pendingCents: .max)])
        try store.write { db throws in
            try db.settleRefund(id: tooMuch.id, stripeRefundID: "re_1", completedAt: Samples.instant)
            try db.insertRefundLogEntry(Samples.refund(orderID: "huge", amountCents: .min, status: .succeeded))
        }
        page = try store.read { try $0.refundedOrders(customerID: ann.id, limit: 10, after: nil) }
        #expect(page == [RefundedOrder(order: order, succeededCents: .min, pendingCents: .max)])
    }
}
