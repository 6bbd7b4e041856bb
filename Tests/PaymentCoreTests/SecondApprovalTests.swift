import FoundationEssentials
import OrdersStore
import Testing

@testable import PaymentCore

@Suite("Second approval: big refunds wait for another person")
struct SecondApprovalTests {
    /// Limits of $200.00 for usd and 50,000 minor units for any other currency.
    static let limits = SecondApprovalPolicy(limits: ["usd": 20_000], otherCurrencies: 50_000)

    /// A world with limits, Ada, and a paid $500.00 order of yesterday.
    static func world() throws -> (TestWorld, Order) {
        let world = try TestWorld(secondApproval: limits)
        let ada = try world.addCustomer("ada@example.com", stripeID: "cus_ada")
        return (world, try world.addOrder("o1", for: ada, amount: 50_000, paymentIntentID: "pi_1"))
    }

    /// Alice's confirmed, human-approved refund of `amount` of Ada's order.
    static func request(_ amount: Int, in world: TestWorld, actor: String = "alice") async throws -> RefundResult {
        try await world.service.issueRefund(
            RefundRequest(email: "ada@example.com", paymentIntentID: "pi_1", amountCents: amount, confirmed: true),
            approver: FixedApprover(.approved), actor: actor)
    }

    /// A decision about a request, approved by the human when `approve` is true.
    static func decide(
        _ id: String, _ decision: RefundDecision, by actor: String, in service: PaymentService,
        human: RefundApprovalOutcome = .approved
    ) async throws -> RefundResult {
        try await service.decideRefundRequest(
            RefundDecisionRequest(approvalRequestID: id, decision: decision, note: "checked", confirmed: true),
            approver: FixedApprover(human), actor: actor)
    }

    /// The message of the `PaymentError` that `body` throws; `nil` when it throws none.
    static func refusal(_ body: () async throws -> some Any) async -> String? {
        do {
            _ = try await body()
            return nil
        } catch let error as PaymentError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// The stored request.
    static func stored(_ id: String?, in world: TestWorld) throws -> ApprovalRequest? {
        try world.store.read { db in try db.approvalRequest(id: id ?? "") }
    }

    @Test("a confirmed refund above the limit waits: a request, no journal row, no Stripe call")
    func awaiting() async throws {
        let (world, order) = try Self.world()
        let result = try await Self.request(30_000, in: world)
        #expect(result.status == .awaitingApproval)
        #expect(result.approvalRequestID?.hasPrefix("rrq_") == true)
        #expect(result.approvalLimitCents == 20_000)
        #expect(result.expiresAt == TestWorld.start.addingTimeInterval(86_400))
        #expect(try world.journal(order.id).isEmpty)
        #expect(world.gateway.writes.isEmpty)
        let stored = try #require(try Self.stored(result.approvalRequestID, in: world))
        #expect(stored.requestedBy == "alice")
        #expect(stored.amountCents == 30_000)
        #expect(stored.decision == nil)
    }

    @Test("a refund that reaches the limit exactly needs no second approval")
    func atTheLimit() async throws {
        let (world, order) = try Self.world()
        let result = try await Self.request(20_000, in: world)
        #expect(result.status == .refunded)
        #expect(try world.journal(order.id).map(\.refundedBy) == ["alice"])
        #expect(try world.journal(order.id).map(\.approvedBy) == [nil])
    }

    @Test("splitting a refund cannot get round the limit: refunds already made count")
    func splitting() async throws {
        let (world, order) = try Self.world()
        #expect(try await Self.request(15_000, in: world).status == .refunded)
        let second = try await Self.request(10_000, in: world)
        #expect(second.status == .awaitingApproval)
        #expect(try world.journal(order.id).map(\.amountCents) == [15_000])
    }

    @Test("a currency without a limit of its own takes the * limit")
    func otherCurrencies() async throws {
        let world = try TestWorld(secondApproval: Self.limits)
        let ada = try world.addCustomer("ada@example.com", stripeID: "cus_ada")
        try world.addOrder("o1", for: ada, amount: 60_000, currency: "jpy", paymentIntentID: "pi_1")
        #expect(try await Self.request(50_000, in: world).status == .refunded)
        #expect(try await Self.request(1, in: world).status == .awaitingApproval)
    }

    @Test("the requester can never approve their own request")
    func selfApproval() async throws {
        let (world, order) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        #expect(
            await Self.refusal {
                try await Self.decide(id, .approve, by: "ALICE", in: world.service)
            }
                == "You asked for this refund yourself (as ALICE); the second approval must come from another person. "
                + "Nothing was refunded. Ask a colleague who may approve refunds to decide request \(id).")
        do {
            _ = try await Self.decide(id, .approve, by: "alice", in: world.service)
            Issue.record("self-approval was accepted")
        } catch let error as PaymentError {
            #expect(error.message.hasPrefix("You asked for this refund yourself (as alice)"))
        }
        #expect(try world.journal(order.id).isEmpty)
        #expect(try Self.stored(id, in: world)?.decision == nil)
    }

    @Test("approval makes the refund once, journalled with the requester and the approver")
    func approve() async throws {
        let (world, order) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        let done = try await Self.decide(id, .approve, by: "bob", in: world.service)
        #expect(done.status == .refunded)
        #expect(done.approvedVia == "second_approval")
        #expect(done.approvedBy == "bob")
        #expect(done.requestedBy == "alice")
        #expect(done.approvalRequestID == id)
        let journal = try world.journal(order.id)
        #expect(journal.map(\.refundedBy) == ["alice"])
        #expect(journal.map(\.approvedBy) == ["bob"])
        #expect(journal.map(\.approvedVia) == ["second_approval"])
        #expect(journal.map(\.amountCents) == [30_000])
        let stored = try #require(try Self.stored(id, in: world))
        #expect(stored.decision == .approve)
        #expect(stored.decidedBy == "bob")
        #expect(stored.decisionNote == "checked")
        #expect(
            await Self.refusal {
                try await Self.decide(id, .approve, by: "carol", in: world.service)
            }
                == "Refund request \(id) was already approved by bob at 2026-11-27T12:00:00Z; a request is decided once. "
                + "Nothing more was refunded.")
        #expect(world.gateway.writes.count == 1)
    }

    @Test("the approver's human is asked with the requester named; a decline leaves the request pending")
    func approverDeclines() async throws {
        let (world, order) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        let human = FixedApprover(.declined)
        let declined = try await world.service.decideRefundRequest(
            RefundDecisionRequest(approvalRequestID: id, decision: .approve, confirmed: true), approver: human,
            actor: "bob")
        #expect(declined.status == .declined)
        #expect(human.requests.map(\.requestedBy) == ["alice"])
        #expect(try world.journal(order.id).isEmpty)
        #expect(try Self.stored(id, in: world)?.decision == nil)
    }

    @Test("without elicitation, a preview's token bound to the request approves it")
    func tokenPath() async throws {
        let (world, order) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        let preview = try await world.service.decideRefundRequest(
            RefundDecisionRequest(approvalRequestID: id, decision: .approve), actor: "bob")
        #expect(preview.status == .preview)
        #expect(preview.approvalRequestID == id)
        #expect(world.gateway.writes.isEmpty)
        let token = try #require(preview.confirmationToken)
        #expect(
            await Self.refusal {
                try await world.service.issueRefund(
                    RefundRequest(email: "ada@example.com", confirmed: true, confirmationToken: token), actor: "bob")
            }
                == "That confirmation_token approves a refund request through approve_refund, not issue_refund. Nothing was "
                + "refunded. Call issue_refund without confirmed for a preview of the refund you mean to make.")
        let done = try await world.service.decideRefundRequest(
            RefundDecisionRequest(approvalRequestID: id, decision: .approve, confirmed: true, confirmationToken: token),
            actor: "bob")
        #expect(done.status == .refunded)
        #expect(try world.journal(order.id).map(\.approvedBy) == ["bob"])
    }

    @Test("an issue_refund token cannot approve a request")
    func foreignToken() async throws {
        let (world, _) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        let preview = try await world.service.issueRefund(
            RefundRequest(email: "ada@example.com", paymentIntentID: "pi_1", amountCents: 30_000), actor: "bob")
        let token = try #require(preview.confirmationToken)
        #expect(
            await Self.refusal {
                try await world.service.decideRefundRequest(
                    RefundDecisionRequest(
                        approvalRequestID: id, decision: .approve, confirmed: true, confirmationToken: token),
                    actor: "bob")
            }
                == "That confirmation_token was issued for a different refund (the order, amount or reason differ). "
                + "Nothing was refunded. Preview the refund you mean to make, show it to the user, and confirm with "
                + "that preview's token.")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("a rejection moves nothing, needs no token, and decides the request")
    func reject() async throws {
        let (world, order) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        let rejected = try await world.service.decideRefundRequest(
            RefundDecisionRequest(approvalRequestID: id, decision: .reject, note: "too much"), actor: "bob")
        #expect(rejected.status == .rejected)
        #expect(rejected.decidedBy == "bob")
        #expect(rejected.refundableCents == 50_000)
        #expect(try world.journal(order.id).isEmpty)
        #expect(world.gateway.writes.isEmpty)
        #expect(try Self.stored(id, in: world)?.decision == .reject)
        #expect(try await world.service.pendingRefundRequests().requests.isEmpty)
    }

    @Test("an expired request can no longer be approved")
    func expired() async throws {
        let (world, _) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        world.clock.advance(by: 86_400)
        #expect(
            await Self.refusal {
                try await Self.decide(id, .approve, by: "bob", in: world.service)
            }
                == "Refund request \(id) expired at 2026-11-28T12:00:00Z without a decision; nothing was refunded. If the "
                + "refund is still wanted, the requester asks for it again with issue_refund.")
        #expect(try await world.service.pendingRefundRequests().requests.isEmpty)
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("the policy is checked again at approval: an order that left the window is not refunded")
    func policyRechecked() async throws {
        let world = try TestWorld(secondApproval: Self.limits)
        let ada = try world.addCustomer("ada@example.com", stripeID: "cus_ada")
        let order = try world.addOrder("o1", for: ada, amount: 50_000, daysAgo: 90.5, paymentIntentID: "pi_1")
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        world.clock.advance(by: 43_200)
        #expect(
            await Self.refusal {
                try await Self.decide(id, .approve, by: "bob", in: world.service)
            }
                == "Order o1 is 91 days old; refunds are allowed up to 90 days after the order. Nothing was refunded. "
                + "Tell the user the order is outside the refund window.")
        #expect(try world.journal(order.id).isEmpty)
    }

    @Test("the refundable amount is checked again at approval")
    func refundableRechecked() async throws {
        let (world, order) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        world.gateway.addPaymentIntent(
            id: "pi_1", customer: "cus_ada", amount: 50_000, created: Int(order.createdAt.timeIntervalSince1970),
            amountRefunded: 40_000)
        #expect(
            await Self.refusal {
                try await Self.decide(id, .approve, by: "bob", in: world.service)
            }
                == "The amount $300.00 is more than the $100.00 that remains refundable on order o1. Nothing was refunded; "
                + "preview a refund of at most $100.00.")
        #expect(try world.journal(order.id).isEmpty)
    }

    @Test("two approvers racing on one request make one refund")
    func race() async throws {
        let (world, order) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        let other = try world.secondProcess()
        async let first = Result { try await Self.decide(id, .approve, by: "bob", in: world.service) }
        async let second = Result { try await Self.decide(id, .approve, by: "carol", in: other) }
        let outcomes = await [first, second]
        #expect(outcomes.compactMap { try? $0.get().status } == [.refunded])
        #expect(try world.journal(order.id).count == 1)
        #expect(world.gateway.writes.count == 1)
    }

    @Test("the pending requests list names order, customer, requester and expiry")
    func list() async throws {
        let (world, _) = try Self.world()
        let id = try #require(try await Self.request(30_000, in: world).approvalRequestID)
        let list = try await world.service.pendingRefundRequests()
        #expect(
            list.requests == [
                PendingRefundRequests.Request(
                    approvalRequestID: id, orderID: "o1", paymentIntentID: "pi_1", customerEmail: "ada@example.com",
                    amountCents: 30_000, currency: "usd", reason: "requested_by_customer", note: nil,
                    requestedBy: "alice", createdAt: TestWorld.start,
                    expiresAt: TestWorld.start.addingTimeInterval(86_400))
            ])
    }

    @Test("without limits, nothing waits and the approval operations are refused")
    func off() async throws {
        let world = try TestWorld()
        let ada = try world.addCustomer("ada@example.com", stripeID: "cus_ada")
        try world.addOrder("o1", for: ada, amount: 50_000, paymentIntentID: "pi_1")
        #expect(try await Self.request(50_000, in: world).status == .refunded)
        #expect(
            await Self.refusal {
                try await world.service.pendingRefundRequests()
            }
                == "Second approval is not configured on this server (PAYMENT_OPS_SECOND_APPROVAL_OVER is unset), so no "
                + "refund waits for one.")
    }

    @Test("flag_for_review records the actor it is given, else the policy's")
    func flagActor() async throws {
        let (world, _) = try Self.world()
        #expect(
            try await world.service.flagForReview(paymentIntentID: "pi_1", note: "odd", actor: "dan").flaggedBy == "dan"
        )
        #expect(try await world.service.flagForReview(paymentIntentID: "pi_1", note: "odd").flaggedBy == "ai-assistant")
    }
}
