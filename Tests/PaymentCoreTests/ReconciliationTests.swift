import OrdersStore
import PaymentCore
import StripeClient
import Testing

@Suite("Reconciliation settles pending refunds against Stripe and never creates one")
struct ReconciliationTests {
    @Test("a crash between journal and Stripe is settled exactly once")
    func crashAfterStripeActed() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.createThenLoseAnswer(StripeErrors.droppedConnection))
        let result = try await RefundExecutionTests.refund(world, amount: 1000)
        #expect(result.status == .pending)
        #expect(try world.journal("o1").map(\.status) == [.pending])

        world.clock.advance(by: 301)
        let report = try await world.service.reconcile()
        let again = try await world.service.reconcile()

        #expect(report.rows.map(\.status) == [.succeeded])
        #expect(report.rows.first?.stripeRefundID == "re_test1")
        #expect(again.rows.isEmpty)
        let journal = try world.journal("o1")
        #expect(journal.map(\.status) == [.succeeded])
        #expect(journal.first?.stripeRefundID == "re_test1")
        #expect(try world.order("o1")?.status == .partiallyRefunded)
        #expect(world.gateway.writes.count == 1)
        #expect(world.gateway.refunds(of: "pi_1").count == 1)
    }

    @Test("a refund Stripe never created is failed with nothing refunded")
    func neverCreated() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.refuse(StripeErrors.droppedConnection))
        _ = try await RefundExecutionTests.refund(world)
        world.clock.advance(by: 301)

        let report = try await world.service.reconcile()

        #expect(report.rows.map(\.status) == [.failed])
        let journal = try world.journal("o1")
        #expect(journal.map(\.status) == [.failed])
        #expect(journal.first?.error == "not created at Stripe; nothing was refunded")
        #expect(try world.order("o1")?.status == .paid)
        #expect(world.gateway.writes.count == 1)
        #expect(
            report.text
                == "Reconciled 1 pending refund(s): 0 succeeded, 1 failed, 0 still pending, 0 settled elsewhere.\n"
                + "- \(journal[0].id): failed — not created at Stripe; nothing was refunded")
    }

    @Test("a row younger than the grace period is left to the process creating it")
    func grace() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.refuse(StripeErrors.droppedConnection))
        _ = try await RefundExecutionTests.refund(world)

        let report = try await world.service.reconcile()

        #expect(report.rows.isEmpty)
        #expect(try world.journal("o1").map(\.status) == [.pending])
    }

    @Test("a Stripe outage leaves the row pending for the next run")
    func outage() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.refuse(StripeErrors.serverError))
        _ = try await RefundExecutionTests.refund(world)
        world.gateway.fail("refunds", with: StripeErrors.unreachable)
        world.clock.advance(by: 301)

        let report = try await world.service.reconcile()

        #expect(report.rows.map(\.status) == [.pending])
        #expect(report.rows.first?.detail?.hasPrefix("Could not list the payment's refunds:") == true)
        #expect(try world.journal("o1").map(\.status) == [.pending])
    }

    @Test("reconciliation needs Stripe")
    func notConfigured() async throws {
        let world = try TestWorld(stripe: false)
        let error = await #expect(throws: PaymentError.self) { try await world.service.reconcile() }
        #expect(error?.kind == .stripeNotConfigured)
    }
}
