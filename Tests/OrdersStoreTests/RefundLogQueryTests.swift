import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Refund journal, review flags and approvals")
struct RefundLogQueryTests {
    let ann = Samples.customer()

    private func storeWithOrders(_ orders: [Order]) throws -> SQLiteStore {
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            for order in orders { try db.insertOrder(order) }
        }
        return store
    }

    @Test("a pending refund is journalled, then settled with Stripe's id together with the order's status")
    func pendingThenSettled() throws {
        let order = Samples.order(customerID: ann.id, amountCents: 5000)
        let store = try storeWithOrders([order])
        let entry = RefundLogEntry(
            id: "journal-1", orderID: order.id, amountCents: 2000, currency: "usd", reason: "duplicate",
            note: "double charge", refundedBy: "ai-assistant", status: .pending, idempotencyKey: "key-1",
            approvedVia: "elicitation", createdAt: Samples.instant)
        try store.write { try $0.insertRefundLogEntry(entry) }
        try store.read { db throws in
            #expect(try db.refundLogEntry(id: "journal-1") == entry)
            #expect(try db.pendingRefunds() == [entry])
            #expect(try db.refundTotals(orderID: order.id) == RefundTotals(succeededCents: 0, pendingCents: 2000))
        }

        let completed = Samples.time("2026-11-27 16:22:00.000001")
        try store.write { db throws in
            try db.settleRefund(id: "journal-1", stripeRefundID: "re_123", completedAt: completed)
            try db.setOrderStatus(.partiallyRefunded, orderID: order.id)
        }
        var settled = entry
        settled.status = .succeeded
        settled.stripeRefundID = "re_123"
        settled.completedAt = completed
        try store.read { db throws in
            #expect(try db.refundLogEntries(orderID: order.id) == [settled])
            #expect(try db.pendingRefunds() == [])
            #expect(try db.refundTotals(orderID: order.id) == RefundTotals(succeededCents: 2000, pendingCents: 0))
            #expect(try db.order(id: order.id)?.status == .partiallyRefunded)
        }
    }

    @Test("a refund Stripe did not make is marked failed with the reason, and counts against nothing")
    func failed() throws {
        let order = Samples.order(customerID: ann.id)
        let store = try storeWithOrders([order])
        let entry = Samples.refund(orderID: order.id, amountCents: 100, status: .pending)
        try store.write { db throws in
            try db.insertRefundLogEntry(entry)
            try db.failRefund(id: entry.id, error: "card_declined", completedAt: Samples.instant)
        }
        let stored = try store.read { try $0.refundLogEntry(id: entry.id) }
        #expect(stored?.status == .failed)
        #expect(stored?.error == "card_declined")
        #expect(stored?.completedAt == Samples.instant)
        let totals = try store.read { try $0.refundTotals(orderID: order.id) }
        #expect(totals == .zero)
        #expect {
            try store.write { try $0.failRefund(id: "missing", error: "x", completedAt: Samples.instant) }
        } throws: { error in
            (error as? StoreError)?.message == "No row in refund_log has that id"
        }
    }

    @Test("Stripe's id is recorded on a refund still pending at Stripe, which keeps counting as pending")
    func stripeIDOnPendingRow() throws {
        let order = Samples.order(customerID: ann.id, amountCents: 5000)
        let store = try storeWithOrders([order])
        let entry = Samples.refund(orderID: order.id, amountCents: 2000, status: .pending)
        try store.write { db throws in
            try db.insertRefundLogEntry(entry)
            try db.recordStripeRefundID("re_pending", id: entry.id)
        }
        var recorded = entry
        recorded.stripeRefundID = "re_pending"
        try store.read { db throws in
            #expect(try db.refundLogEntry(id: entry.id) == recorded)
            #expect(try db.pendingRefunds() == [recorded])
            #expect(
                try db.refundTotals(orderID: order.id)
                    == RefundTotals(succeededCents: 0, pendingCents: 2000, pendingAtStripeCents: 2000))
        }
        #expect {
            try store.write { try $0.recordStripeRefundID("re_x", id: "missing") }
        } throws: { error in
            (error as? StoreError)?.message == "No row in refund_log has that id"
        }
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

    @Test("a page of orders carries each order's refund totals, zero for orders never refunded")
    func totalsForAPage() throws {
        let orders = (0..<3).map { index in
            Samples.order(
                customerID: ann.id, amountCents: 10_000,
                createdAt: Samples.instant.addingTimeInterval(Double(index) * 60))
        }
        let store = try storeWithOrders(orders)
        try store.write { db throws in
            try db.insertRefundLogEntry(Samples.refund(orderID: orders[0].id, amountCents: 300, status: .succeeded))
            try db.insertRefundLogEntry(Samples.refund(orderID: orders[0].id, amountCents: 200, status: .succeeded))
            try db.insertRefundLogEntry(Samples.refund(orderID: orders[0].id, amountCents: 50, status: .pending))
            var accepted = Samples.refund(orderID: orders[0].id, amountCents: 25, status: .pending)
            accepted.stripeRefundID = "re_accepted"
            try db.insertRefundLogEntry(accepted)
            try db.insertRefundLogEntry(Samples.refund(orderID: orders[1].id, amountCents: 999, status: .failed))
        }
        let page = try store.read { try $0.refundedOrders(customerID: ann.id, limit: 10, after: nil) }
        #expect(
            page == [
                RefundedOrder(order: orders[2]),
                RefundedOrder(order: orders[1]),
                RefundedOrder(order: orders[0], succeededCents: 500, pendingCents: 75),
            ])
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

    @Test("review flags are stored and listed per order, oldest first")
    func reviewFlags() throws {
        let order = Samples.order(customerID: ann.id, paymentIntentID: "pi_flagged")
        let store = try storeWithOrders([order])
        let later = ReviewFlag(
            id: "flag-2", orderID: order.id, paymentIntentID: "pi_flagged", note: "second look",
            flaggedBy: "ai-assistant", createdAt: Samples.instant.addingTimeInterval(1))
        let earlier = ReviewFlag(
            id: "flag-1", orderID: order.id, paymentIntentID: "pi_flagged", note: "odd country",
            flaggedBy: "ai-assistant", createdAt: Samples.instant)
        try store.write { db throws in
            try db.insertReviewFlag(later)
            try db.insertReviewFlag(earlier)
        }
        let flags = try store.read { try $0.reviewFlags(orderID: order.id) }
        #expect(flags == [earlier, later])
    }

    @Test("an approval token is used exactly once")
    func approvalIsSingleUse() throws {
        let order = Samples.order(customerID: ann.id)
        let store = try storeWithOrders([order])
        let approval = RefundApproval(
            token: "tok_1", orderID: order.id, amountCents: 4999, currency: "usd", reason: "requested_by_customer",
            note: nil, expiresAt: Samples.instant.addingTimeInterval(600))
        try store.write { try $0.insertRefundApproval(approval) }
        let stored = try store.read { try $0.refundApproval(token: "tok_1") }
        #expect(stored == approval)

        let usedAt = Samples.instant.addingTimeInterval(30)
        let first = try store.write { try $0.useRefundApproval(token: "tok_1", at: usedAt, outcome: "refunded") }
        let second = try store.write { try $0.useRefundApproval(token: "tok_1", at: usedAt, outcome: "refunded") }
        let unknown = try store.write { try $0.useRefundApproval(token: "tok_x", at: usedAt, outcome: "refunded") }
        #expect([first, second, unknown] == [true, false, false])
        let used = try store.read { try $0.refundApproval(token: "tok_1") }
        #expect(used?.usedAt == usedAt)
        #expect(used?.outcome == "refunded")
    }

    @Test("using one token supersedes the order's other unused tokens, and no other order's")
    func supersede() throws {
        let order = Samples.order(customerID: ann.id)
        let other = Samples.order(customerID: ann.id)
        let store = try storeWithOrders([order, other])
        let approval = { (token: String, orderID: String) in
            RefundApproval(
                token: token, orderID: orderID, amountCents: 2000, currency: "usd", reason: "requested_by_customer",
                note: nil, expiresAt: Samples.instant.addingTimeInterval(600))
        }
        let usedAt = Samples.instant.addingTimeInterval(30)
        try store.write { db throws in
            for token in ["tok_used", "tok_a", "tok_b"] { try db.insertRefundApproval(approval(token, order.id)) }
            try db.insertRefundApproval(approval("tok_other", other.id))
            try db.insertRefundApproval(approval("tok_declined", order.id))
            _ = try db.useRefundApproval(token: "tok_declined", at: Samples.instant, outcome: "declined")
            _ = try db.useRefundApproval(token: "tok_used", at: usedAt, outcome: "approved")
        }

        let superseded = try store.write { try $0.supersedeRefundApprovals(orderID: order.id, at: usedAt) }

        #expect(superseded == 2)
        try store.read { db throws in
            let outcomes = try ["tok_used", "tok_a", "tok_b", "tok_other", "tok_declined"].map {
                try db.refundApproval(token: $0)?.outcome
            }
            #expect(outcomes == ["approved", "superseded", "superseded", nil, "declined"])
            #expect(try db.refundApproval(token: "tok_a")?.usedAt == usedAt)
        }
    }
}
