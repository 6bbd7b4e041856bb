import FoundationEssentials
import StripeClient
import Synchronization
import Testing

@testable import OrdersStore
@testable import PaymentCore

@Suite("payment-ops doctor")
struct DoctorCheckTests {
    static let apiBase = "http://127.0.0.1:12111"
    static let key = "rk_test_51SecretPartThatMustNeverShow"

    /// The doctor of a world's database, with the given key and Stripe unless `stripe` is false.
    static func doctor(
        _ world: TestWorld, key: String? = DoctorCheckTests.key, allowLive: Bool = false, stripe: Bool = true,
        probes: [DoctorProbe] = []
    ) -> DoctorCheck {
        DoctorCheck(
            databaseURL: world.directory + "/payments.db", stripeAPIBase: apiBase, allowLive: allowLive,
            key: StripeGateway.keyStatus(of: key), gateway: stripe ? world.gateway : nil, probes: probes,
            policy: TestWorld.policy(clock: world.clock))
    }

    /// The doctor's report on a world, with Stripe unless `stripe` is false.
    static func check(
        _ world: TestWorld, key: String? = DoctorCheckTests.key, allowLive: Bool = false, stripe: Bool = true,
        probes: [DoctorProbe] = []
    ) async -> DoctorReport {
        await doctor(world, key: key, allowLive: allowLive, stripe: stripe, probes: probes).run()
    }

    /// A journal row `minutesAgo` old for an order of a customer added to the world.
    static func addPendingRefund(
        _ world: TestWorld, id: String, minutesAgo: Double, stripeRefundID: String? = nil
    ) throws {
        let customer = try world.store.read { db in try db.customer(email: "jane@example.com") }
        let order = try world.addOrder(
            "order-\(id)", for: try customer ?? world.addCustomer("jane@example.com"), amount: 4999)
        try world.store.write { db in
            try db.insertRefundLogEntry(
                RefundLogEntry(
                    id: id, orderID: order.id, stripeRefundID: stripeRefundID, amountCents: 4999, currency: "usd",
                    reason: "duplicate",
                    refundedBy: "ai-assistant", status: .pending, idempotencyKey: "key-\(id)",
                    createdAt: TestWorld.start.addingTimeInterval(-minutesAgo * 60)))
        }
    }

    @Test("a seeded set-up with a test key is healthy, and the key is shown by its prefix only")
    func healthy() async throws {
        let world = try TestWorld()
        _ = try await world.seeder().seed()

        let report = await Self.check(world)

        let path = world.directory + "/payments.db"
        #expect(
            report.lines.map(\.text) == [
                "✓ Settings in force — DATABASE_URL \(path), STRIPE_API_BASE \(Self.apiBase), REFUND_WINDOW_DAYS 90, "
                    + "PAYMENT_OPS_ACTOR ai-assistant, live mode refused",
                "✓ Stripe key: rk_test_… (test mode) — no real money moves",
                "✓ Database: \(path) (schema version 7) — 5 customers, 13 orders, 0 refund_log rows",
                "✓ Stripe: reachable with this key — \(Self.apiBase) answered a customer search",
                "✓ Pending refunds: none — no refund is waiting for reconciliation",
            ])
        #expect(report.isHealthy)
        #expect(!report.text.contains("Secret"))
        #expect(world.gateway.calls.last == .checkReadAccess(.customers))
    }

    @Test("without a key, the key line says what to set and Stripe is not checked")
    func noKey() async throws {
        let world = try TestWorld(stripe: false)
        let report = await Self.check(world, key: nil, stripe: false)

        #expect(
            report.lines.filter { !$0.ok }.map(\.text) == [
                "✗ Stripe key: not set — Set STRIPE_API_KEY to a sk_test_… or rk_test_… key in the environment or "
                    + "the .env file. Tools that only read the orders database work without it.",
                "✗ Stripe: not checked — No usable Stripe key is configured. Fix the Stripe key, then run "
                    + "payment-ops doctor again.",
            ])
        #expect(!report.isHealthy)
        #expect(report.lines.count == 5)
    }

    @Test("a key of the wrong kind or a refused live key fails the key line, showing its prefix only")
    func keyKinds() async throws {
        let world = try TestWorld()
        let line = { (key: String, allowLive: Bool) in
            await Self.check(world, key: key, allowLive: allowLive).lines[1].text
        }
        #expect(
            await line("rk_live_51Secret", false)
                == "✗ Stripe key: rk_live_… (live mode, refused) — Use a test key, or set PAYMENT_OPS_ALLOW_LIVE=1 "
                + "to move real money.")
        #expect(
            await line("sk_live_51Secret", true)
                == "✓ Stripe key: sk_live_… (live mode) — real money moves; allowed by PAYMENT_OPS_ALLOW_LIVE=1")
        #expect(
            await line("pk_test_51Secret", false)
                == "✗ Stripe key: not usable — A publishable key (pk_test_…) cannot call Stripe's API from a server: "
                + "use a secret (sk_…) or restricted (rk_…) key.")
        #expect(
            await line("Secret-without-prefix", false)
                == "✗ Stripe key: not usable — The Stripe API key is not a secret (sk_…) or restricted (rk_…) key; "
                + "use one from the dashboard's API keys page.")
    }

    @Test("a Stripe that rejects the key fails the Stripe line in plain words and skips the extra probes")
    func stripeFailing() async throws {
        let world = try TestWorld()
        world.gateway.fail(
            "checkReadAccess",
            with: StripeError(
                kind: .api, message: "Invalid API Key provided: rk_test_***", httpStatus: 401,
                type: "invalid_request_error", requestID: "req_401", requestWasNotApplied: true))
        let probed = Mutex(false)
        let probe = DoctorProbe(title: "never asked") { _ in
            probed.withLock { $0 = true }
            return "asked"
        }

        let report = await Self.check(world, probes: [probe])

        #expect(
            report.lines.filter { !$0.ok }.map(\.text) == [
                "✗ Stripe: reachable with this key — Stripe rejected the API key. Check STRIPE_API_KEY. Stripe said: "
                    + "\"Invalid API Key provided: rk_test_***\" (Stripe request req_401)"
            ])
        #expect(!probed.withLock { $0 })
    }

    @Test("extra probes each add a line after Stripe was reached; a missing permission fails its own")
    func extraProbes() async throws {
        let world = try TestWorld()
        let forbidden = StripeError(
            kind: .api, message: "The provided key does not have the required permissions.", httpStatus: 403,
            type: "invalid_request_error", requestID: "req_403", requestWasNotApplied: true)
        let probes = [
            DoctorProbe(title: "Stripe permission: read customers (lookup_customer)") { _ in "granted" },
            DoctorProbe(title: "Stripe permission: write refunds (issue_refund)") { _ in
                throw StripeGateway.gatewayError(forbidden)
            },
        ]

        let report = await Self.check(world, probes: probes)

        #expect(
            report.lines.map(\.text)[4...5] == [
                "✓ Stripe permission: read customers (lookup_customer) — granted",
                "✗ Stripe permission: write refunds (issue_refund) — the Stripe key lacks permission for this. Use a "
                    + "key with the needed permissions. Stripe said: \"The provided key does not have the required "
                    + "permissions.\" (Stripe request req_403)",
            ])
    }

    @Test("a refund pending longer than the grace period fails the check and says to reconcile")
    func pendingRefundsOverdue() async throws {
        let world = try TestWorld()
        try Self.addPendingRefund(world, id: "log-1", minutesAgo: 180)
        try Self.addPendingRefund(world, id: "log-2", minutesAgo: 1)

        let report = await Self.check(world)

        #expect(
            report.lines.last?.text
                == "✗ Pending refunds: 2 waiting for reconciliation, the oldest 3 hours old — Run payment-ops "
                + "reconcile to settle them against Stripe; it never refunds twice.")
        #expect(report.lines[2].detail == "1 customers, 2 orders, 2 refund_log rows")
    }

    @Test("a refund pending for less than the grace period is reported as in progress")
    func pendingRefundInProgress() async throws {
        let world = try TestWorld()
        try Self.addPendingRefund(world, id: "log-1", minutesAgo: 2)

        let report = await Self.check(world)

        #expect(
            report.lines.last?.text
                == "✓ Pending refunds: 1 in progress, the oldest 2 minutes old — a refund is being made now; "
                + "payment-ops reconcile settles it if it stays pending longer than 5 minutes")
        #expect(report.isHealthy)
    }

    @Test("refunds Stripe accepted but has not finished are reported as pending at Stripe, however old")
    func pendingAtStripe() async throws {
        let world = try TestWorld()
        try Self.addPendingRefund(world, id: "log-1", minutesAgo: 3 * 24 * 60, stripeRefundID: "re_slow")

        let report = await Self.check(world)

        #expect(
            report.lines.last?.text
                == "✓ Pending refunds: 1 pending at Stripe — Stripe accepted them and has not finished; "
                + "reconciliation records the outcome once it has")
        #expect(report.isHealthy)
    }

    @Test("a database that cannot be opened fails its line and skips the pending-refund check")
    func databaseCannotOpen() async throws {
        let world = try TestWorld()
        var doctor = Self.doctor(world)
        doctor.databaseURL = world.directory + "/missing/payments.db"
        doctor.policy = PaymentPolicy()

        let report = await doctor.run()

        let path = doctor.databaseURL
        #expect(
            report.lines[2].text
                == "✗ Database: cannot be opened — Cannot open the database at \(path): the file or its directory "
                + "cannot be created or opened. Check DATABASE_URL (\(path)).")
        #expect(report.lines.count == 4)
    }

    @Test("a PostgreSQL URL's password appears nowhere in the report")
    func passwordNeverShown() async throws {
        let world = try TestWorld()
        var doctor = Self.doctor(world)
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        doctor.databaseURL = "postgres://payops:s3cret-Pa55@127.0.0.1:1/orders"

        let report = await doctor.run()

        #expect(!report.text.contains("s3cret-Pa55"))
        #expect(report.lines[0].text.contains("DATABASE_URL postgres://payops:***@127.0.0.1:1/orders,"))
        #expect(
            report.lines[2].text.hasPrefix(
                "✗ Database: cannot be opened — Cannot connect to PostgreSQL at postgres://payops:***@127.0.0.1:1/orders"
            ))
    }

    @Test("the doctor reports what migrate would do and leaves the schema as it found it")
    func neverMigrates() async throws {
        let world = try TestWorld()
        var doctor = Self.doctor(world)
        let path = world.directory + "/fresh.db"
        doctor.databaseURL = path

        let report = await doctor.run()

        #expect(
            report.lines[2].text
                == "✓ Database: \(path) (schema version 0) — payment-ops migrate would apply \(Schema.latestVersion) "
                + "migration(s), to version \(Schema.latestVersion); serve applies them at start-up when its database "
                + "role may")
        #expect(try SQLiteStore(url: path, migrating: false).read { try $0.schemaVersion } == 0)
    }
}
