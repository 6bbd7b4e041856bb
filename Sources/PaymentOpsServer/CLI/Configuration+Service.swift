import OrdersStore
import PaymentCore
import StripeClient

extension Configuration {
    /// Opens what the settings name — the orders database, and Stripe when a key is set — and the payment
    /// service on top. Every command that works on payments starts here.
    ///
    /// - Throws: `ConfigurationError` with one line naming the setting: a database that cannot be opened or
    ///   migrated, a key that is not a usable Stripe key, a live key without `PAYMENT_OPS_ALLOW_LIVE=1`, or an
    ///   unusable `STRIPE_API_BASE`.
    func makeService() throws(ConfigurationError) -> PaymentService {
        let store: OrdersStore
        do {
            store = try OrdersStore(url: databaseURL)
        } catch {
            throw ConfigurationError("DATABASE_URL: cannot open the orders database: \(error)")
        }
        return PaymentService(
            store: store, gateway: try makeStripeClient(),
            policy: PaymentPolicy(refundWindowDays: refundWindowDays, actor: actor))
    }

    /// Stripe, or `nil` when no key is set (Stripe-backed tools then answer that Stripe is not configured).
    func makeStripeClient() throws(ConfigurationError) -> StripeClient? {
        guard let stripeAPIKey else { return nil }
        do {
            return StripeClient(
                configuration: try StripeConfiguration(
                    apiKey: stripeAPIKey, apiBase: stripeAPIBase, allowLive: allowLive,
                    userAgentVersion: PaymentOps.version))
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
