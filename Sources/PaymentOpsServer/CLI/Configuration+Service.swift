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
    func makeService() throws(ConfigurationError) -> PaymentService {
        try makeService(gateway: makeStripeGateway())
    }

    /// The demo seeder over the payment service and the same Stripe gateway, for `payment-ops seed`.
    ///
    /// - Throws: `ConfigurationError` as `makeService()` does.
    func makeDemoSeeder() throws(ConfigurationError) -> DemoSeeder {
        let gateway = try makeStripeGateway()
        return DemoSeeder(service: try makeService(gateway: gateway), gateway: gateway)
    }

    /// The checks of `payment-ops doctor`; an unusable key is reported by the key line instead of ending it.
    func makeDoctorCheck() -> DoctorCheck {
        DoctorCheck(
            databaseURL: databaseURL, stripeAPIBase: stripeAPIBase, allowLive: allowLive,
            key: StripeGateway.keyStatus(of: stripeAPIKey), gateway: try? makeStripeGateway(),
            probes: DoctorProbe.readPermissions, policy: policy)
    }

    /// The refund window and actor in force.
    var policy: PaymentPolicy {
        PaymentPolicy(refundWindowDays: refundWindowDays, actor: actor)
    }

    /// The payment service on the configured database and this gateway.
    private func makeService(gateway: (any PaymentGateway)?) throws(ConfigurationError) -> PaymentService {
        let store: OrdersStore
        do {
            store = try SQLiteStore(url: databaseURL)
        } catch {
            throw ConfigurationError("DATABASE_URL: cannot open the orders database: \(error)")
        }
        return PaymentService(store: store, gateway: gateway, policy: policy)
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
