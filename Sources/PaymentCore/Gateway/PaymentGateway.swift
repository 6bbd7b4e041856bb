/// Everything PaymentCore asks of the payment processor, in PaymentCore's own types. `StripeGateway` is the
/// production gateway; tests use a recording fake.
///
/// Every method throws `GatewayError`. Writes take an idempotency key so that a retried call acts once.
public protocol PaymentGateway: Sendable {
    /// The longest one call can take before it returns or throws, retries and the waits between them included.
    ///
    /// A refund is created at the latest by the end of its call; reconciliation waits longer than this before
    /// it judges a pending refund that the processor may still be creating (`PaymentPolicy.reconciliationGrace(for:)`).
    var longestCall: Duration { get }

    /// The mode of the API key: test, or live (real money moves).
    var mode: GatewayMode { get }

    /// Retrieves a customer, which may come back deleted.
    func customer(id: String) async throws -> ProcessorCustomer

    /// Lists a customer's payments, newest first, each with its latest charge's refunded amount.
    func paymentIntents(customerID: String, limit: Int, startingAfter: String?) async throws
        -> ProcessorPage<ProcessorPayment>

    /// Retrieves one payment with its latest charge's refunded amount.
    func paymentIntent(id: String) async throws -> ProcessorPayment

    /// Creates a refund of `amount` on a payment, sent with the given idempotency key.
    func createRefund(
        paymentIntentID: String, amount: Int, reason: RefundReason?, metadata: [String: String],
        idempotencyKey: String
    ) async throws -> ProcessorRefund

    /// Lists the refunds of a payment, newest first.
    func refunds(paymentIntentID: String, limit: Int, startingAfter: String?) async throws
        -> ProcessorPage<ProcessorRefund>

    /// Creates a one-off price for a new product named `productName`; returns the price's id (`price_…`).
    func createPrice(amount: Int, currency: String, productName: String, idempotencyKey: String) async throws
        -> String

    /// Creates a payment link selling `quantity` of a price.
    func createPaymentLink(priceID: String, quantity: Int, metadata: [String: String], idempotencyKey: String)
        async throws -> ProcessorPaymentLink

    /// Checks that the key may read this kind of object, with one read call that changes nothing.
    ///
    /// - Throws: `GatewayError` when the processor cannot be reached or refuses the read.
    func checkReadAccess(to resource: GatewayResource) async throws
}
