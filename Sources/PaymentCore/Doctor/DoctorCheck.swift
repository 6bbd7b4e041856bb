import FoundationEssentials
import OrdersStore

/// The checks of `payment-ops doctor`: settings, Stripe key, database, Stripe itself, pending refunds.
///
/// Read-only: it opens the database (creating an empty SQLite file where none is) but never changes its schema.
/// Every line says what was found and, when it failed, what to do; the key is only ever shown by its prefix.
public struct DoctorCheck: Sendable {
    /// `DATABASE_URL`: the database to open.
    public var databaseURL: String
    /// `STRIPE_API_BASE`, as shown.
    public var stripeAPIBase: String
    /// Whether `PAYMENT_OPS_ALLOW_LIVE=1` is set.
    public var allowLive: Bool
    /// The configured Stripe key, shown by its prefix only (`StripeGateway.keyStatus(of:)`).
    public var key: GatewayKeyStatus
    /// Stripe, or `nil` when no usable key is configured.
    public var gateway: (any PaymentGateway)?
    /// Extra read-only questions for Stripe, asked after it was reached (per-tool permissions, say).
    public var probes: [DoctorProbe]
    /// The refund window and actor in force, and the clock and the reconciliation grace period that pending
    /// refunds are judged by.
    public var policy: PaymentPolicy

    /// Creates the checks from what the composition root holds.
    public init(
        databaseURL: String, stripeAPIBase: String, allowLive: Bool, key: GatewayKeyStatus,
        gateway: (any PaymentGateway)?, probes: [DoctorProbe] = [], policy: PaymentPolicy = PaymentPolicy()
    ) {
        self.databaseURL = databaseURL
        self.stripeAPIBase = stripeAPIBase
        self.allowLive = allowLive
        self.key = key
        self.gateway = gateway
        self.probes = probes
        self.policy = policy
    }

    /// Runs every check, in order; a check that cannot run (no database, no Stripe) fails its line.
    public func run() async -> DoctorReport {
        var lines = [settingsLine, keyLine]
        let store: (any OrdersStore)?
        do {
            let opened = try await OrdersStores.open(url: databaseURL)
            let status = try await opened.status()
            lines.append(try await databaseLine(opened, status: status))
            // Until the schema is current its tables may not exist yet; `migrate` comes first.
            store = status.pendingMigrations == 0 ? opened : nil
        } catch {
            // The store's messages name the database and the problem; only the setting to fix is added.
            var problem = "\(error)"
            if problem.hasSuffix(".") { problem.removeLast() }
            lines.append(
                DoctorReport.Line(
                    ok: false, title: "Database: cannot be opened",
                    detail: "\(problem). Check DATABASE_URL (\(shownDatabaseURL))."))
            store = nil
        }
        lines += await stripeLines()
        if let store {
            lines.append(await pendingRefundsLine(store))
        }
        return DoctorReport(lines: lines)
    }

    /// `DATABASE_URL` as it may be shown: without its password.
    private var shownDatabaseURL: String {
        DatabaseURLRedaction.redacted(databaseURL)
    }

    /// The settings other than the key, always passed: they were read, or the command would not have started.
    private var settingsLine: DoctorReport.Line {
        DoctorReport.Line(
            ok: true, title: "Settings in force",
            detail: "DATABASE_URL \(shownDatabaseURL), STRIPE_API_BASE \(stripeAPIBase), "
                + "REFUND_WINDOW_DAYS \(policy.refundWindowDays), PAYMENT_OPS_ACTOR \(policy.actor), live mode "
                + (allowLive ? "allowed" : "refused"))
    }

    /// The Stripe key: present, a server key, and in a mode that is allowed.
    private var keyLine: DoctorReport.Line {
        switch key {
        case .notSet:
            return DoctorReport.Line(
                ok: false, title: "Stripe key: not set",
                detail: "Set STRIPE_API_KEY to a sk_test_… or rk_test_… key in the environment or the .env file. "
                    + "Tools that only read the orders database work without it.")
        case .unusable(let reason):
            return DoctorReport.Line(ok: false, title: "Stripe key: not usable", detail: reason)
        case .usable(let prefix, .test):
            return DoctorReport.Line(
                ok: true, title: "Stripe key: \(prefix) (test mode)", detail: "no real money moves")
        case .usable(let prefix, .live) where !allowLive:
            return DoctorReport.Line(
                ok: false, title: "Stripe key: \(prefix) (live mode, refused)",
                detail: "Use a test key, or set PAYMENT_OPS_ALLOW_LIVE=1 to move real money.")
        case .usable(let prefix, .live):
            return DoctorReport.Line(
                ok: true, title: "Stripe key: \(prefix) (live mode)",
                detail: "real money moves; allowed by PAYMENT_OPS_ALLOW_LIVE=1")
        }
    }

    /// The opened database: where it is, its schema version and what `migrate` would do, and how many rows its
    /// main tables hold. Reads only: the doctor never changes the schema.
    private func databaseLine(_ store: any OrdersStore, status: StoreStatus) async throws -> DoctorReport.Line {
        let server = status.server.map { ", \($0)" } ?? ""
        let title = "Database: \(store.displayName) (schema version \(status.schemaVersion)\(server))"
        guard status.pendingMigrations == 0 else {
            return DoctorReport.Line(
                ok: true, title: title,
                detail: "payment-ops migrate would apply \(status.pendingMigrations) migration(s), to version "
                    + "\(status.latestSchemaVersion); serve applies them at start-up when its database role may")
        }
        let counts = try await store.read { db in try db.rowCounts() }
        return DoctorReport.Line(
            ok: true, title: title,
            detail: "\(counts.customers) customers, \(counts.orders) orders, \(counts.refundLog) refund_log rows")
    }

    /// Whether Stripe answers with this key, then the extra probes.
    private func stripeLines() async -> [DoctorReport.Line] {
        guard let gateway else {
            return [
                DoctorReport.Line(
                    ok: false, title: "Stripe: not checked",
                    detail: "No usable Stripe key is configured. Fix the Stripe key, then run payment-ops doctor again."
                )
            ]
        }
        let reached = await Self.line(for: .reachability(apiBase: stripeAPIBase), gateway: gateway)
        guard reached.ok else { return [reached] }
        var lines = [reached]
        for probe in probes {
            lines.append(await Self.line(for: probe, gateway: gateway))
        }
        return lines
    }

    /// Runs one probe: passed with its detail, or failed with the Stripe error in plain words.
    private static func line(for probe: DoctorProbe, gateway: any PaymentGateway) async -> DoctorReport.Line {
        do {
            return DoctorReport.Line(ok: true, title: probe.title, detail: try await probe.check(gateway))
        } catch let error as GatewayError {
            return DoctorReport.Line(ok: false, title: probe.title, detail: error.explanation)
        } catch {
            return DoctorReport.Line(ok: false, title: probe.title, detail: "\(error)")
        }
    }

    /// Refunds whose outcome is unknown: failed when one is older than the grace period reconciliation waits.
    ///
    /// Refunds Stripe accepted but has not finished (their rows carry Stripe's id) may take days, and are fine.
    private func pendingRefundsLine(_ store: any OrdersStore) async -> DoctorReport.Line {
        let all: [RefundLogEntry]
        do {
            all = try await store.read { db in try db.pendingRefunds() }
        } catch {
            return DoctorReport.Line(ok: false, title: "Pending refunds: cannot be read", detail: "\(error)")
        }
        let pending = all.filter { $0.stripeRefundID == nil }
        guard let oldest = pending.map(\.createdAt).min() else {
            guard all.isEmpty else {
                return DoctorReport.Line(
                    ok: true, title: "Pending refunds: \(all.count) pending at Stripe",
                    detail: "Stripe accepted them and has not finished; reconciliation records the outcome once it has")
            }
            return DoctorReport.Line(
                ok: true, title: "Pending refunds: none", detail: "no refund is waiting for reconciliation")
        }
        let age = policy.now().duration(since: oldest)
        let grace = policy.reconciliationGrace(for: gateway)
        guard age > grace else {
            return DoctorReport.Line(
                ok: true, title: "Pending refunds: \(pending.count) in progress, the oldest \(Self.duration(age)) old",
                detail: "a refund is being made now; payment-ops reconcile settles it if it stays pending longer "
                    + "than \(Self.duration(grace))")
        }
        return DoctorReport.Line(
            ok: false,
            title: "Pending refunds: \(pending.count) waiting for reconciliation, the oldest \(Self.duration(age)) old",
            detail: "Run payment-ops reconcile to settle them against Stripe; it never refunds twice.")
    }

    /// A duration in the largest whole unit that keeps it readable: "45 seconds", "7 minutes", "3 hours", "2 days".
    static func duration(_ span: Duration) -> String {
        let whole = max(Int(span.components.seconds), 0)
        let (count, unit) =
            switch whole {
            case ..<120: (whole, "second")
            case ..<7_200: (whole / 60, "minute")
            case ..<172_800: (whole / 3_600, "hour")
            default: (whole / 86_400, "day")
            }
        return "\(count) \(unit)\(count == 1 ? "" : "s")"
    }
}
