import StripeClient

/// Everything PaymentCore asks of Stripe. `StripeClient` conforms; tests use a recording fake.
///
/// Every method throws `StripeError`. Writes take an idempotency key so that a retried call acts once.
public protocol PaymentGateway: Sendable {
    /// The longest one call can take before it returns or throws, retries and the waits between them included.
    ///
    /// A refund is created at the latest by the end of its call; reconciliation waits longer than this before
    /// it judges a pending refund that Stripe may still be creating (`PaymentPolicy.reconciliationGrace(for:)`).
    var longestCall: Duration { get }

    /// The mode of the API key: test, or live (real money moves).
    var mode: StripeKey.Mode { get }

    /// Retrieves a customer, which may come back deleted.
    func customer(id: String) async throws -> StripeCustomer

    /// Lists a customer's PaymentIntents, newest first, with `latest_charge` expanded.
    func paymentIntents(customerID: String, limit: Int, startingAfter: String?) async throws
        -> StripeList<PaymentIntent>

    /// Retrieves one PaymentIntent with `latest_charge` expanded.
    func paymentIntent(id: String) async throws -> PaymentIntent

    /// Creates a refund of `amount` on a PaymentIntent, sent with the given `Idempotency-Key`.
    func createRefund(
        paymentIntentID: String, amount: Int, reason: RefundReason?, metadata: [String: String],
        idempotencyKey: String
    ) async throws -> Refund

    /// Lists the refunds of a PaymentIntent, newest first.
    func refunds(paymentIntentID: String, limit: Int, startingAfter: String?) async throws -> StripeList<Refund>

    /// Creates a one-off Price for a new product named `productName`.
    func createPrice(amount: Int, currency: String, productName: String, idempotencyKey: String) async throws
        -> Price

    /// Creates a PaymentLink selling `quantity` of a price.
    func createPaymentLink(priceID: String, quantity: Int, metadata: [String: String], idempotencyKey: String)
        async throws -> PaymentLink

    /// Lists customers with exactly this email address.
    func customers(email: String, limit: Int) async throws -> StripeList<StripeCustomer>

    /// Creates a customer.
    func createCustomer(email: String, name: String, metadata: [String: String], idempotencyKey: String)
        async throws -> StripeCustomer

    /// Creates and confirms a PaymentIntent for a customer with a test payment method (demo seeding).
    func createConfirmedPaymentIntent(
        customerID: String, amount: Int, currency: String, paymentMethod: String, description: String?,
        metadata: [String: String], idempotencyKey: String
    ) async throws -> PaymentIntent
}
