import OrdersStore
import PaymentCore
import StripeClient

/// The composition root: the only place that names the orders store and the Stripe client.
extension Configuration {
    /// Opens what the settings name — the orders database, and Stripe when a key is set — and the payment
    /// service on top. Every command that works on payments starts here.
    ///
    /// - Throws: `ConfigurationError` with one line naming the setting: a database that cannot be opened or
    ///   migrated, a key that is not a usable Stripe key, a live key without `PAYMENT_OPS_ALLOW_LIVE=1`, or an
    ///   unusable `STRIPE_API_BASE`.
    func makeService() async throws(ConfigurationError) -> PaymentService {
        try await makeService(gateway: makeStripeGateway())
    }

    /// The payment service for `serve`, which logs a failed background migration as it happens.
    func makeServingService(migrationFailed: @escaping @Sendable (any Error) -> Void) async throws(ConfigurationError)
        -> PaymentService
    {
        try await makeService(gateway: makeStripeGateway(), migrationFailed: migrationFailed)
    }

    /// The demo seeder over the payment service and the same Stripe gateway, for `payment-ops seed`.
    ///
    /// - Throws: `ConfigurationError` as `makeService()` does.
    func makeDemoSeeder() async throws(ConfigurationError) -> DemoSeeder {
        let gateway = try makeStripeGateway()
        return DemoSeeder(service: try await makeService(gateway: gateway), gateway: gateway)
    }

    /// The checks of `payment-ops doctor`; an unusable key is reported by the key line instead of ending it.
    func makeDoctorCheck() -> DoctorCheck {
        DoctorCheck(
            databaseURL: databaseURL, stripeAPIBase: stripeAPIBase, allowLive: allowLive,
            key: StripeGateway.keyStatus(of: stripeAPIKey), gateway: try? makeStripeGateway(),
            probes: DoctorProbe.readPermissions, policy: policy)
    }

    /// The refund window, actor and second-approval limits in force.
    var policy: PaymentPolicy {
        PaymentPolicy(refundWindowDays: refundWindowDays, actor: actor, secondApproval: secondApproval)
    }

    /// The payment service on the configured database and this gateway.
    ///
    /// The database is opened and checked at once (a database this binary cannot use ends the command here) and
    /// migrated in the background: whatever needs it waits for the migration, and `migrationFailed` hears of a
    /// failure, which every later database call then answers.
    private func makeService(
        gateway: (any PaymentGateway)?, migrationFailed: @escaping @Sendable (any Error) -> Void = { _ in }
    ) async throws(ConfigurationError) -> PaymentService {
        PaymentService(
            store: MigratingStore(try await openStore(), failed: migrationFailed), gateway: gateway, policy: policy)
    }

    /// Applies the migrations the configured database lacks, one transaction each, and says what it did.
    ///
    /// - Throws: `ConfigurationError` for a database that cannot be opened; the store's error for a migration that
    ///   failed (nothing of that version is kept).
    func migrateDatabase() async throws -> String {
        let store = try await openStore()
        let before = try await store.status()
        guard before.pendingMigrations > 0 else {
            return "\(store.displayName) is up to date (schema version \(before.schemaVersion))."
        }
        try await store.migrate()
        let after = try await store.status()
        return "Migrated \(store.displayName) from schema version \(before.schemaVersion) to \(after.schemaVersion)."
    }

    /// The configured database, opened and checked but not migrated.
    private func openStore() async throws(ConfigurationError) -> any OrdersStore {
        do {
            return try await OrdersStores.open(url: databaseURL)
        } catch {
            throw ConfigurationError("DATABASE_URL: cannot open the orders database: \(error)")
        }
    }

    /// Stripe, or `nil` when no key is set (Stripe-backed tools then answer that Stripe is not configured).
    private func makeStripeGateway() throws(ConfigurationError) -> StripeGateway? {
        guard let stripeAPIKey else { return nil }
        do {
            return StripeGateway(
                client: StripeClient(
                    configuration: try StripeConfiguration(
                        apiKey: stripeAPIKey, apiBase: stripeAPIBase, allowLive: allowLive,
                        userAgentVersion: PaymentOps.version)))
        } catch {
            switch error.kind {
            case .invalidConfiguration: throw ConfigurationError("STRIPE_API_BASE: \(error.message)")
            case .liveModeRefused:
                throw ConfigurationError("STRIPE_API_KEY: \(error.message) (PAYMENT_OPS_ALLOW_LIVE=1 allows it)")
            default: throw ConfigurationError("STRIPE_API_KEY: \(error.message)")
            }
        }
    }
}
