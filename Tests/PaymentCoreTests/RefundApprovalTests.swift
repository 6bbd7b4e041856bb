import FoundationEssentials
import OrdersStore
import PaymentCore
import Testing

@Suite("With elicitation, the server asks the human and refunds only on approval")
struct RefundApprovalTests {
    @Test("an approval refunds in one confirmed call, without a token")
    func approved() async throws {
        let world = try RefundGateTests.world()
        let approver = FixedApprover(.approved)

        let done = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", amountCents: 1000, note: "late delivery", confirmed: true),
            approver: approver)

        #expect(done.status == .refunded)
        #expect(done.approvedVia == "elicitation")
        #expect(try world.journal("o1").first?.approvedVia == "elicitation")
        let asked = try #require(approver.requests.first)
        #expect(asked.amount == Money(amount: 1000, currency: "usd"))
        #expect(asked.orderID == "o1")
        #expect(asked.paymentIntentID == "pi_1")
        #expect(asked.reason == .requestedByCustomer)
        #expect(asked.amount == Money(amount: 1000, currency: "usd"))
        #expect(asked.customerName == "Jane Doe" && asked.note == "late delivery")
    }

    @Test("a decline answers declined, moves nothing and uses up the token")
    func declined() async throws {
        let world = try RefundGateTests.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        let confirm = RefundRequest(
            email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken)

        let answer = try await world.service.issueRefund(confirm, approver: FixedApprover(.declined))

        #expect(answer.status == .declined)
        #expect(answer.failureReason == "declined by the approver")
        #expect(world.gateway.writes.isEmpty)
        #expect(try world.journal("o1").isEmpty)
        let reuse = await #expect(throws: PaymentError.self) { try await world.service.issueRefund(confirm) }
        #expect(reuse?.message.hasPrefix("That confirmation_token was already used (declined)") == true)
    }

    @Test("a cancel answers declined and moves nothing")
    func cancelled() async throws {
        let world = try RefundGateTests.world()

        let answer = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true), approver: FixedApprover(.cancelled))

        #expect(answer.status == .declined)
        #expect(answer.failureReason == "the approval request was dismissed")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("a timeout leaves the confirmed call with the token open")
    func timedOut() async throws {
        let world = try RefundGateTests.world()

        let answer = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true), approver: FixedApprover(.timedOut))

        #expect(answer.status == .preview)
        #expect(answer.approvalTimedOut && answer.confirmationToken != nil)
        #expect(world.gateway.writes.isEmpty)
        let done = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: answer.confirmationToken))
        #expect(done.status == .refunded)
        #expect(done.approvedVia == "confirmation_token")
    }

    @Test("a timeout keeps the token the call carried")
    func timedOutWithToken() async throws {
        let world = try RefundGateTests.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        let confirm = RefundRequest(
            email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken)

        let answer = try await world.service.issueRefund(confirm, approver: FixedApprover(.timedOut))

        #expect(answer.confirmationToken == preview.confirmationToken)
        #expect(try await world.service.issueRefund(confirm).status == .refunded)
    }

    @Test("an approver that cannot ask falls back to the token")
    func unavailable() async throws {
        let world = try RefundGateTests.world()
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(email: "jane@example.com", confirmed: true), approver: FixedApprover(.unavailable))
        }
        #expect(error?.message.hasPrefix("confirmed: true needs the confirmation_token") == true)

        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        let done = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken),
            approver: FixedApprover(.unavailable))
        #expect(done.approvedVia == "confirmation_token")
    }

    @Test("an over-refund is refused before the human is asked")
    func policyBeforeAsking() async throws {
        let world = try RefundGateTests.world()
        let approver = FixedApprover(.approved)
        await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(email: "jane@example.com", amountCents: 9999, confirmed: true), approver: approver)
        }
        #expect(approver.requests.isEmpty)
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("an order that ages past the refund window while the human decides is refused at execution")
    func windowClosesDuringApproval() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        // 30 seconds short of 91 days old: inside the window when previewed, outside a minute later.
        try world.addOrder("o1", for: jane, amount: 4999, daysAgo: 91 - 30.0 / 86_400, paymentIntentID: "pi_1")
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        let approver = SlowApprover(clock: world.clock, seconds: 60)

        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(
                    email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken),
                approver: approver)
        }

        #expect(preview.orderAgeDays == 90)
        #expect(
            error?.message
                == "Order o1 turned 91 days old before the refund was carried out; refunds are allowed up to 90 days "
                + "after the order. Nothing was refunded. Tell the user the order is now outside the refund window.")
        #expect(world.gateway.writes.isEmpty)
        #expect(try world.journal("o1").isEmpty)
    }
}

/// An approver that approves after the clock moved on, as a human taking their time does.
private final class SlowApprover: RefundApprover {
    private let clock: TestClock
    private let seconds: TimeInterval

    init(clock: TestClock, seconds: TimeInterval) {
        self.clock = clock
        self.seconds = seconds
    }

    func approve(_ request: RefundApprovalRequest) async -> RefundApprovalOutcome {
        clock.advance(by: seconds)
        return .approved
    }
}
