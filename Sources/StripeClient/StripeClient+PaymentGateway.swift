/// The calls PaymentCore's `PaymentGateway` protocol asks for, with exactly its signatures.
extension StripeClient {
    /// Retrieves a customer, which may come back deleted.
    public func customer(id: String) async throws -> StripeCustomer {
        try await send(.retrieveCustomer(id: id))
    }

    /// Lists a customer's PaymentIntents, newest first, with `latest_charge` expanded.
    public func paymentIntents(customerID: String, limit: Int, startingAfter: String?) async throws
        -> StripeList<PaymentIntent>
    {
        try await send(.listPaymentIntents(customerID: customerID, limit: limit, startingAfter: startingAfter))
    }

    /// Retrieves one PaymentIntent with `latest_charge` expanded.
    public func paymentIntent(id: String) async throws -> PaymentIntent {
        try await send(.retrievePaymentIntent(id: id))
    }

    /// Creates a refund of `amount` on a PaymentIntent, sent with the given `Idempotency-Key`.
    public func createRefund(
        paymentIntentID: String, amount: Int, reason: RefundReason?, metadata: [String: String],
        idempotencyKey: String
    ) async throws -> Refund {
        try await send(
            .createRefund(
                paymentIntentID: paymentIntentID, amount: amount, reason: reason, metadata: metadata,
                idempotencyKey: idempotencyKey))
    }

    /// Lists the refunds of a PaymentIntent, newest first.
    public func refunds(paymentIntentID: String, limit: Int, startingAfter: String?) async throws
        -> StripeList<Refund>
    {
        try await send(.listRefunds(paymentIntentID: paymentIntentID, limit: limit, startingAfter: startingAfter))
    }

    /// Creates a one-off Price for a new product named `productName`.
    public func createPrice(amount: Int, currency: String, productName: String, idempotencyKey: String)
        async throws -> Price
    {
        try await send(
            .createPrice(amount: amount, currency: currency, productName: productName, idempotencyKey: idempotencyKey))
    }

    /// Creates a PaymentLink selling `quantity` of a price.
    public func createPaymentLink(priceID: String, quantity: Int, metadata: [String: String], idempotencyKey: String)
        async throws -> PaymentLink
    {
        try await send(
            .createPaymentLink(priceID: priceID, quantity: quantity, metadata: metadata, idempotencyKey: idempotencyKey)
        )
    }

    /// Lists customers with exactly this email address.
    public func customers(email: String, limit: Int) async throws -> StripeList<StripeCustomer> {
        try await send(.listCustomers(email: email, limit: limit))
    }

    /// Creates a customer.
    public func createCustomer(email: String, name: String, metadata: [String: String], idempotencyKey: String)
        async throws -> StripeCustomer
    {
        try await send(.createCustomer(email: email, name: name, metadata: metadata, idempotencyKey: idempotencyKey))
    }

    /// Creates and confirms a PaymentIntent for a customer with a test payment method (demo seeding).
    public func createConfirmedPaymentIntent(
        customerID: String, amount: Int, currency: String, paymentMethod: String, description: String?,
        metadata: [String: String], idempotencyKey: String
    ) async throws -> PaymentIntent {
        try await send(
            .createConfirmedPaymentIntent(
                customerID: customerID, amount: amount, currency: currency, paymentMethod: paymentMethod,
                description: description, metadata: metadata, idempotencyKey: idempotencyKey))
    }
}
