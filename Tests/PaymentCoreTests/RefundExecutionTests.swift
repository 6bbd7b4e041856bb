import OrdersStore
import PaymentCore
import StripeClient
import Testing

@Suite("Refunds are journalled before and after Stripe acts")
struct RefundExecutionTests {
    /// Previews and confirms a refund in two calls, as a client without elicitation does.
    static func refund(
        _ world: TestWorld, email: String = "jane@example.com", paymentIntentID: String? = nil, amount: Int? = nil
    ) async throws -> RefundResult {
        let preview = try await world.service.issueRefund(
            RefundRequest(email: email, paymentIntentID: paymentIntentID, amountCents: amount))
        return try await world.service.issueRefund(
            RefundRequest(
                email: email, paymentIntentID: paymentIntentID, amountCents: amount, confirmed: true,
                confirmationToken: preview.confirmationToken))
    }

    @Test("Stripe refusing the refund fails the journal row and says why")
    func stripeRefuses() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(
            .refuse(StripeErrors.refused("Charge ch_1 has been disputed.", code: "charge_disputed")))

        let result = try await Self.refund(world)

        #expect(result.status == .failed)
        #expect(
            result.failureReason
                == "Stripe refused the request. Stripe said: \"Charge ch_1 has been disputed.\" (Stripe request "
                + "req_refused)")
        #expect((result.gatewayError?.underlying as? StripeError)?.code == "charge_disputed")
        let journal = try world.journal("o1")
        #expect(journal.map(\.status) == [.failed])
        #expect(journal.first?.error == result.failureReason)
        #expect(try world.order("o1")?.status == .paid)
    }

    @Test("no connection at all fails the row: Stripe certainly did not act")
    func unreachable() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.refuse(StripeErrors.unreachable))

        let result = try await Self.refund(world)

        #expect(result.status == .failed)
        #expect(try world.journal("o1").map(\.status) == [.failed])
    }

    @Test("partial refunds accumulate until the order is refunded")
    func partialRefunds() async throws {
        let world = try RefundGateTests.world()

        let first = try await Self.refund(world, amount: 2000)
        #expect(first.orderStatus == .partiallyRefunded)
        #expect(try world.order("o1")?.status == .partiallyRefunded)
        world.clock.advance(by: 60)

        let preview = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", paymentIntentID: "pi_1"))
        #expect(preview.amountCents == 2999)
        #expect(preview.refundableCents == 2999)

        let second = try await world.service.issueRefund(
            RefundRequest(
                email: "jane@example.com", paymentIntentID: "pi_1", confirmed: true,
                confirmationToken: preview.confirmationToken))
        #expect(second.orderStatus == .refunded)
        #expect(try world.journal("o1").map(\.amountCents) == [2000, 2999])
        #expect(world.gateway.refunds(of: "pi_1").map(\.amount) == [2999, 2000])
    }

    @Test("an over-refund is refused before Stripe is asked to refund")
    func overRefund() async throws {
        let world = try RefundGateTests.world()
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com", amountCents: 5000))
        }
        #expect(
            error?.message
                == "The amount $50.00 is more than the $49.99 that remains refundable on order o1. Nothing was "
                + "refunded; preview a refund of at most $49.99.")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("a refund made in Stripe's dashboard is respected")
    func dashboardRefund() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        try world.addOrder("o1", for: jane, amount: 4999, daysAgo: 5, paymentIntentID: "pi_1", stripeRefunded: 3000)

        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        #expect(preview.refundableCents == 1999)
        #expect(preview.amountCents == 1999)

        let done = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken))
        #expect(done.orderStatus == .refunded)

        let more = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com", paymentIntentID: "pi_1"))
        }
        #expect(
            more?.message
                == "Nothing remains refundable on order o1: all $49.99 is refunded or a refund is still pending "
                + "(refunds made in Stripe's dashboard count too). Nothing was refunded.")
    }

    @Test(
        "a refund pending at Stripe, or in a status Stripe adds later, is journalled pending with its Stripe id",
        arguments: ["pending", "requires_action", "some_future_status"])
    func pendingAtStripe(status: String) async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.normal(status: status))

        let result = try await Self.refund(world, amount: 2000)

        #expect(result.status == .pending)
        #expect(result.stripeRefundID == "re_test1")
        #expect(result.stripeRefundStatus == status)
        #expect(result.orderStatus == .paid)
        #expect(result.stripeRefundID == "re_test1" && result.amountCents == 2000)
        let journal = try world.journal("o1")
        #expect(journal.map(\.status) == [.pending])
        #expect(journal.first?.stripeRefundID == "re_test1")
        #expect(journal.first?.completedAt == nil)
        #expect(try world.order("o1")?.status == .paid)
        let preview = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", paymentIntentID: "pi_1"))
        #expect(preview.refundableCents == 2999)
    }

    @Test("a refund Stripe reports failed at once fails the journal row")
    func failedAtStripe() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.normal(status: "failed"))

        let result = try await Self.refund(world)

        #expect(result.status == .failed)
        #expect(result.stripeRefundID == "re_test1")
        #expect(result.failureReason == "Stripe refund re_test1 failed; nothing was refunded")
        #expect(try world.journal("o1").map(\.status) == [.failed])
        #expect(try world.order("o1")?.status == .paid)
    }

    @Test("an unknown outcome stays pending and counts against the refundable amount")
    func unknownOutcome() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.refuse(StripeErrors.serverError))

        let result = try await Self.refund(world, amount: 3000)

        #expect(result.status == .pending)
        #expect(result.stripeRefundID == nil)
        #expect(result.failureReason?.hasPrefix("Stripe had an internal error (HTTP 500).") == true)
        #expect(try world.journal("o1").map(\.status) == [.pending])
        let preview = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", paymentIntentID: "pi_1"))
        #expect(preview.refundableCents == 1999)
    }

    @Test("two confirms racing with one token make one refund")
    func racingConfirms() async throws {
        let world = try RefundGateTests.world()
        let other = try world.secondProcess()
        // A partial amount, so that only the token (not the refundable re-check) can stop a second refund.
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com", amountCents: 1000))
        let confirm = RefundRequest(
            email: "jane@example.com", amountCents: 1000, confirmed: true, confirmationToken: preview.confirmationToken)

        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for service in [world.service, other, world.service, other] {
                group.addTask { (try? await service.issueRefund(confirm))?.status == .refunded }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }

        #expect(outcomes.filter { $0 }.count == 1)
        #expect(world.gateway.writes.count == 1)
        #expect(try world.journal("o1").count == 1)
    }

    @Test("zero- and three-decimal currencies refund in their own minor units")
    func currencies() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        try world.addOrder("yen", for: jane, amount: 5000, currency: "jpy", daysAgo: 2, paymentIntentID: "pi_yen")
        try world.addOrder("dinar", for: jane, amount: 1000, currency: "kwd", daysAgo: 3, paymentIntentID: "pi_kwd")

        let yen = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", paymentIntentID: "pi_yen"))
        #expect(yen.currency == "jpy")
        #expect(yen.amountCents == 5000)

        let dinar = try await Self.refund(world, paymentIntentID: "pi_kwd", amount: 250)
        #expect(dinar.currency == "kwd")
        #expect(dinar.status == .refunded && dinar.amountCents == 250)
        #expect(try world.journal("dinar").first?.currency == "kwd")
    }
}
