/// The extra calls that seeding demo data makes; only `DemoSeeder` sees them.
///
/// Every method throws `GatewayError`. Writes take an idempotency key so that a retried call acts once.
public protocol DemoGateway: PaymentGateway {
    /// Lists customers with exactly this email address.
    func customers(email: String, limit: Int) async throws -> ProcessorPage<ProcessorCustomer>

    /// Creates a customer.
    func createCustomer(email: String, name: String, metadata: [String: String], idempotencyKey: String)
        async throws -> ProcessorCustomer

    /// Creates and confirms a payment for a customer with a test payment method.
    func createConfirmedPaymentIntent(
        customerID: String, amount: Int, currency: String, paymentMethod: String, description: String?,
        metadata: [String: String], idempotencyKey: String
    ) async throws -> ProcessorPayment
}
