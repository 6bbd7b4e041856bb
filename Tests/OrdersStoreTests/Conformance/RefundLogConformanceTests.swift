import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Refund journal, review flags and approvals, on every engine")
struct RefundLogConformanceTests {
    let ann = Samples.customer()

    /// Runs `body` with a store of `engine` holding Ann and `orders`.
    private func withOrders(
        _ orders: [Order], on engine: TestEngine, _ body: (any OrdersStore) async throws -> Void
    ) async throws {
        try await engine.withStore(customers: [ann], orders: orders, body)
    }

    @Test(
        "a pending refund is journalled, then settled with Stripe's id together with the order's status",
        arguments: TestEngine.available)
    func pendingThenSettled(engine: TestEngine) async throws {
        let order = Samples.order(customerID: ann.id, amountCents: 5000)
        let entry = RefundLogEntry(
            id: "journal-1", orderID: order.id, amountCents: 2000, currency: "usd", reason: "duplicate",
            note: "double charge", refundedBy: "ai-assistant", status: .pending, idempotencyKey: "key-1",
            approvedVia: "elicitation", createdAt: Samples.instant)
        let completed = Samples.time("2026-11-27 16:22:00.000001")
        var settled = entry
        settled.status = .succeeded
        settled.stripeRefundID = "re_123"
        settled.completedAt = completed
        try await withOrders([order], on: engine) { [settled] store throws in
            try await store.write { try $0.insertRefundLogEntry(entry) }
            try await store.read { transaction throws in
                #expect(try transaction.refundLogEntry(id: "journal-1") == entry)
                #expect(try transaction.pendingRefunds() == [entry])
                #expect(
                    try transaction.refundTotals(orderID: order.id)
                        == RefundTotals(succeededCents: 0, pendingCents: 2000))
            }
            try await store.write { transaction throws in
                try transaction.settleRefund(id: "journal-1", stripeRefundID: "re_123", completedAt: completed)
                try transaction.setOrderStatus(.partiallyRefunded, orderID: order.id)
            }
            try await store.read { transaction throws in
                #expect(try transaction.refundLogEntries(orderID: order.id) == [settled])
                #expect(try transaction.pendingRefunds() == [])
                #expect(
                    try transaction.refundTotals(orderID: order.id)
                        == RefundTotals(succeededCents: 2000, pendingCents: 0))
                #expect(try transaction.order(id: order.id)?.status == .partiallyRefunded)
                #expect(try transaction.refundTotals(orderID: "nobody") == .zero)
                #expect(try transaction.refundLogEntry(id: "none") == nil)
            }
        }
    }

    @Test(
        "a refund Stripe did not make is marked failed with the reason, and counts against nothing",
        arguments: TestEngine.available)
    func failed(engine: TestEngine) async throws {
        let order = Samples.order(customerID: ann.id)
        let entry = Samples.refund(orderID: order.id, amountCents: 100, status: .pending)
        try await withOrders([order], on: engine) { store throws in
            try await store.write { transaction throws in
                try transaction.insertRefundLogEntry(entry)
                try transaction.failRefund(id: entry.id, error: "card_declined", completedAt: Samples.instant)
            }
            let stored = try await store.read { try $0.refundLogEntry(id: entry.id) }
            #expect(stored?.status == .failed)
            #expect(stored?.error == "card_declined")
            #expect(stored?.completedAt == Samples.instant)
            #expect(try await store.read { try $0.refundTotals(orderID: order.id) } == .zero)
            let error = await #expect(throws: StoreError.self) {
                try await store.write { try $0.failRefund(id: "missing", error: "x", completedAt: Samples.instant) }
            }
            #expect(error?.message == "No row in refund_log has that id")
        }
    }

    @Test(
        "Stripe's id is recorded on a refund still pending at Stripe, and pending rows are listed oldest first",
        arguments: TestEngine.available)
    func stripeIDOnPendingRow(engine: TestEngine) async throws {
        let order = Samples.order(customerID: ann.id, amountCents: 5000)
        var older = Samples.refund(orderID: order.id, amountCents: 2000, status: .pending, id: "r2")
        older.createdAt = Samples.instant.addingTimeInterval(-60)
        let newer = Samples.refund(orderID: order.id, amountCents: 400, status: .pending, id: "r1")
        var recorded = older
        recorded.stripeRefundID = "re_pending"
        try await withOrders([order], on: engine) { [older, recorded] store throws in
            try await store.write { transaction throws in
                try transaction.insertRefundLogEntry(newer)
                try transaction.insertRefundLogEntry(older)
                try transaction.recordStripeRefundID("re_pending", id: older.id)
            }
            try await store.read { transaction throws in
                #expect(try transaction.refundLogEntry(id: older.id) == recorded)
                #expect(try transaction.pendingRefunds() == [recorded, newer])
                #expect(
                    try transaction.refundTotals(orderID: order.id)
                        == RefundTotals(succeededCents: 0, pendingCents: 2400, pendingAtStripeCents: 2000))
            }
            #expect(try await store.write { try $0.pendingRefunds() } == [recorded, newer])
            let error = await #expect(throws: StoreError.self) {
                try await store.write { try $0.recordStripeRefundID("re_x", id: "missing") }
            }
            #expect(error?.message == "No row in refund_log has that id")
        }
    }

    @Test("review flags are stored and listed per order, oldest first", arguments: TestEngine.available)
    func reviewFlags(engine: TestEngine) async throws {
        let order = Samples.order(customerID: ann.id, paymentIntentID: "pi_flagged")
        let later = ReviewFlag(
            id: "flag-2", orderID: order.id, paymentIntentID: "pi_flagged", note: "second look",
            flaggedBy: "ai-assistant", createdAt: Samples.instant.addingTimeInterval(1))
        let earlier = ReviewFlag(
            id: "flag-1", orderID: order.id, paymentIntentID: nil, note: "odd country", flaggedBy: "support",
            createdAt: Samples.instant)
        try await withOrders([order], on: engine) { store throws in
            try await store.write { transaction throws in
                try transaction.insertReviewFlag(later)
                try transaction.insertReviewFlag(earlier)
            }
            #expect(try await store.read { try $0.reviewFlags(orderID: order.id) } == [earlier, later])
            #expect(try await store.read { try $0.reviewFlags(orderID: "none") } == [])
        }
    }

    @Test("an approval token is used exactly once", arguments: TestEngine.available)
    func approvalIsSingleUse(engine: TestEngine) async throws {
        let order = Samples.order(customerID: ann.id)
        let approval = RefundApproval(
            token: "tok_1", orderID: order.id, amountCents: 4999, currency: "usd", reason: "requested_by_customer",
            note: nil, expiresAt: Samples.instant.addingTimeInterval(600))
        let usedAt = Samples.instant.addingTimeInterval(30)
        try await withOrders([order], on: engine) { store throws in
            try await store.write { try $0.insertRefundApproval(approval) }
            #expect(try await store.read { try $0.refundApproval(token: "tok_1") } == approval)
            #expect(try await store.read { try $0.refundApproval(token: "none") } == nil)
            var uses: [Bool] = []
            for token in ["tok_1", "tok_1", "tok_x"] {
                uses.append(
                    try await store.write { try $0.useRefundApproval(token: token, at: usedAt, outcome: "refunded") })
            }
            #expect(uses == [true, false, false])
            let used = try await store.read { try $0.refundApproval(token: "tok_1") }
            #expect(used?.usedAt == usedAt)
            #expect(used?.outcome == "refunded")
        }
    }

    @Test(
        "using one token supersedes the order's other unused tokens, and no other order's",
        arguments: TestEngine.available)
    func supersede(engine: TestEngine) async throws {
        let order = Samples.order(customerID: ann.id)
        let other = Samples.order(customerID: ann.id)
        let approval = { @Sendable (token: String, orderID: String) in
            RefundApproval(
                token: token, orderID: orderID, amountCents: 2000, currency: "usd", reason: "requested_by_customer",
                note: nil, expiresAt: Samples.instant.addingTimeInterval(600))
        }
        let usedAt = Samples.instant.addingTimeInterval(30)
        try await withOrders([order, other], on: engine) { store throws in
            try await store.write { transaction throws in
                for token in ["tok_used", "tok_a", "tok_b", "tok_declined"] {
                    try transaction.insertRefundApproval(approval(token, order.id))
                }
                try transaction.insertRefundApproval(approval("tok_other", other.id))
                _ = try transaction.useRefundApproval(token: "tok_declined", at: Samples.instant, outcome: "declined")
                _ = try transaction.useRefundApproval(token: "tok_used", at: usedAt, outcome: "approved")
            }
            #expect(try await store.write { try $0.supersedeRefundApprovals(orderID: order.id, at: usedAt) } == 2)
            try await store.read { transaction throws in
                let outcomes = try ["tok_used", "tok_a", "tok_b", "tok_other", "tok_declined"].map {
                    try transaction.refundApproval(token: $0)?.outcome
                }
                #expect(outcomes == ["approved", "superseded", "superseded", nil, "declined"])
                #expect(try transaction.refundApproval(token: "tok_a")?.usedAt == usedAt)
            }
        }
    }
}
