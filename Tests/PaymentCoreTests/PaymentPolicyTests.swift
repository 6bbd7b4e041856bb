import FoundationEssentials
import OrdersStore
import PaymentCore
import StripeClient
import Testing

@Suite("Reconciliation waits out the longest Stripe call before judging a pending refund")
struct PaymentPolicyTests {
    static let key = "sk_test_51PolicySecretKeyValue0000abcd"

    @Test("with the default Stripe configuration the grace exceeds the worst-case refund call")
    func defaults() throws {
        let client = StripeClient(configuration: try StripeConfiguration(apiKey: Self.key))

        let grace = PaymentPolicy().reconciliationGrace(for: StripeGateway(client: client))

        // 3 attempts of 80 s, and two waits of at most 10 s (the longest Retry-After honoured).
        #expect(StripeGateway(client: client).longestCall == .seconds(260))
        // The journal write before the call may wait out the database's busy timeout.
        #expect(Database.defaultBusyTimeout == .seconds(5))
        #expect(grace > .seconds(260 + 5))
        #expect(grace == .seconds(325))
    }

    @Test("a slower Stripe configuration lengthens the grace")
    func slowerConfiguration() throws {
        let client = StripeClient(
            configuration: try StripeConfiguration(apiKey: Self.key, totalTimeout: .seconds(120), maxRetries: 5))

        #expect(StripeGateway(client: client).longestCall == .seconds(6 * 120 + 5 * 10))
        #expect(PaymentPolicy().reconciliationGrace(for: StripeGateway(client: client)) == .seconds(770 + 5 + 60))
    }

    @Test("without Stripe, or with a quick gateway, the policy's minimum applies")
    func minimum() {
        #expect(PaymentPolicy().reconciliationGrace(for: nil) == .seconds(300))
        #expect(PaymentPolicy().reconciliationGrace(for: RecordingGateway()) == .seconds(300))
        #expect(
            PaymentPolicy(minimumReconciliationGrace: .seconds(900)).reconciliationGrace(for: RecordingGateway())
                == .seconds(900))
    }

    @Test("reconciliation leaves a row alone while the gateway's longest call could still be creating it")
    func reconciliationUsesTheGatewaysLongestCall() async throws {
        let world = try RefundGateTests.world()
        world.gateway.longestCall = .seconds(600)
        world.gateway.setRefundBehavior(.refuse(StripeErrors.droppedConnection))
        _ = try await RefundExecutionTests.refund(world)

        world.clock.advance(by: 600 + 5 + 60 - 1)
        let early = try await world.service.reconcile()
        world.clock.advance(by: 1)
        let due = try await world.service.reconcile()

        #expect(early.rows.isEmpty)
        #expect(due.rows.map(\.status) == [.failed])
    }
}
