import OrdersStore
import PaymentCore
import Synchronization
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

    @Test("a refund page with an item that cannot be read leaves the row pending instead of failing it")
    func unreadableRefund() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.refuse(StripeErrors.droppedConnection))
        _ = try await RefundExecutionTests.refund(world)
        world.gateway.addUnreadableItems(["item 0 (re_9): field amount is missing"], toListOf: "pi_1")
        world.clock.advance(by: 301)

        let report = try await world.service.reconcile()

        #expect(report.rows.map(\.status) == [.pending])
        #expect(try world.journal("o1").map(\.status) == [.pending])
        #expect(
            report.rows.first?.detail
                == "Could not read 1 of the payment's refunds at Stripe, so the refund cannot be settled; it stays "
                + "pending for the next run.")
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

    @Test("a refund still pending at Stripe stays pending, without waiting for the grace period")
    func stillPendingAtStripe() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.normal(status: "pending"))
        let result = try await RefundExecutionTests.refund(world, amount: 1000)

        let report = try await world.service.reconcile()

        #expect(report.rows.map(\.status) == [.pending])
        #expect(report.rows.first?.stripeRefundID == "re_test1")
        #expect(report.rows.first?.detail == "still pending at Stripe (status pending)")
        #expect(try world.journal("o1").map(\.status) == [.pending])
        #expect(try world.order("o1")?.status == .paid)
        #expect(result.refundLogID == report.rows.first?.refundLogID)
        #expect(world.gateway.writes.count == 1)
    }

    @Test("a pending refund Stripe completes later is settled with the order status in one go")
    func pendingThenSucceeded() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.normal(status: "pending"))
        _ = try await RefundExecutionTests.refund(world)
        world.gateway.setRefundStatus("re_test1", to: "succeeded")

        let report = try await world.service.reconcile()

        #expect(report.rows.map(\.status) == [.succeeded])
        let journal = try world.journal("o1")
        #expect(journal.map(\.status) == [.succeeded])
        #expect(journal.first?.stripeRefundID == "re_test1")
        #expect(journal.first?.completedAt == TestWorld.start)
        #expect(try world.order("o1")?.status == .refunded)
        #expect(world.gateway.writes.count == 1)
    }

    @Test("a pending refund Stripe fails later fails the row with Stripe's reason", arguments: ["failed", "canceled"])
    func pendingThenFailed(status: String) async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.normal(status: "requires_action"))
        _ = try await RefundExecutionTests.refund(world, amount: 1000)
        world.gateway.setRefundStatus("re_test1", to: status, failureReason: "expired_or_canceled_card")

        let report = try await world.service.reconcile()

        let reason = "Stripe refund re_test1 \(status) (expired_or_canceled_card); nothing was refunded"
        #expect(report.rows.map(\.status) == [.failed])
        #expect(report.rows.first?.detail == reason)
        let journal = try world.journal("o1")
        #expect(journal.map(\.status) == [.failed])
        #expect(journal.first?.error == reason)
        #expect(journal.first?.stripeRefundID == "re_test1")
        #expect(try world.order("o1")?.status == .paid)
        let preview = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", paymentIntentID: "pi_1"))
        #expect(preview.refundableCents == 4999)
    }

    @Test("a row Stripe accepted is never failed as not created, even when its refund cannot be found")
    func acceptedButNotFound() async throws {
        let world = try RefundGateTests.world()
        try await world.store.write { db in
            try db.insertRefundLogEntry(
                RefundLogEntry(
                    id: "accepted", orderID: "o1", stripeRefundID: "re_elsewhere", amountCents: 1000, currency: "usd",
                    reason: "duplicate", refundedBy: "ai-assistant", status: .pending, idempotencyKey: "key-accepted",
                    createdAt: TestWorld.start))
        }

        let report = try await world.service.reconcile()

        #expect(report.rows.map(\.status) == [.pending])
        #expect(
            report.rows.first?.detail
                == "Stripe refund re_elsewhere was not found among the payment's refunds; it stays pending for a "
                + "person to check in Stripe's dashboard")
        #expect(try world.journal("o1").map(\.status) == [.pending])
    }

    @Test("background reconciliation runs now and after every interval, until its task ends")
    func periodic() async throws {
        let world = try RefundGateTests.world()
        world.gateway.setRefundBehavior(.normal(status: "pending"))
        _ = try await RefundExecutionTests.refund(world)
        let runs = Mutex<[[ReconciliationReport.Row.Status]]>([])
        let sleeps = Mutex<[Duration]>([])

        await world.service.reconcilePeriodically(
            every: .seconds(60),
            sleep: { interval in
                let count = sleeps.withLock {
                    $0.append(interval); return $0.count
                }
                // Stripe finishes the refund during the first wait; the second wait ends the loop.
                if count == 1 { world.gateway.setRefundStatus("re_test1", to: "succeeded") }
                if count == 2 { throw CancellationError() }
            },
            report: { outcome in runs.withLock { $0.append((try? outcome.get())?.rows.map(\.status) ?? []) } })

        #expect(runs.withLock { $0 } == [[.pending], [.succeeded]])
        #expect(sleeps.withLock { $0 } == [.seconds(60), .seconds(60)])
        #expect(try world.order("o1")?.status == .refunded)
    }

    @Test("background reconciliation asks Stripe nothing while no refund is pending")
    func periodicIdle() async throws {
        let world = try RefundGateTests.world()
        let sleeps = Mutex(0)

        await world.service.reconcilePeriodically(
            every: .seconds(60),
            sleep: { _ in
                if sleeps.withLock({
                    $0 += 1; return $0
                }) == 3 {
                    throw CancellationError()
                }
            },
            report: { outcome in #expect((try? outcome.get())?.rows == []) })

        #expect(sleeps.withLock { $0 } == 3)
        #expect(world.gateway.calls.isEmpty)
    }

    @Test("reconciliation needs Stripe")
    func notConfigured() async throws {
        let world = try TestWorld(stripe: false)
        let error = await #expect(throws: PaymentError.self) { try await world.service.reconcile() }
        #expect(error?.kind == .stripeNotConfigured)
    }
}
