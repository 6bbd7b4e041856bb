import StripeClient

/// Each endpoint sent and decoded as its Stripe object, so tests read as the calls they make.
extension StripeClient {
    func customer(id: String) async throws -> StripeCustomer {
        try await send(.retrieveCustomer(id: id))
    }

    func paymentIntents(customerID: String, limit: Int, startingAfter: String?) async throws
        -> StripeList<PaymentIntent>
    {
        try await send(.listPaymentIntents(customerID: customerID, limit: limit, startingAfter: startingAfter))
    }

    func paymentIntent(id: String) async throws -> PaymentIntent {
        try await send(.retrievePaymentIntent(id: id))
    }

    func createRefund(
        paymentIntentID: String, amount: Int, reason: String?, metadata: [String: String], idempotencyKey: String
    ) async throws -> Refund {
        try await send(
            .createRefund(
                paymentIntentID: paymentIntentID, amount: amount, reason: reason, metadata: metadata,
                idempotencyKey: idempotencyKey))
    }

    func refunds(paymentIntentID: String, limit: Int, startingAfter: String?) async throws -> StripeList<Refund> {
        try await send(.listRefunds(paymentIntentID: paymentIntentID, limit: limit, startingAfter: startingAfter))
    }

    func createPrice(amount: Int, currency: String, productName: String, idempotencyKey: String) async throws
        -> Price
    {
        try await send(
            .createPrice(amount: amount, currency: currency, productName: productName, idempotencyKey: idempotencyKey))
    }

    func createPaymentLink(priceID: String, quantity: Int, metadata: [String: String], idempotencyKey: String)
        async throws -> PaymentLink
    {
        try await send(
            .createPaymentLink(priceID: priceID, quantity: quantity, metadata: metadata, idempotencyKey: idempotencyKey)
        )
    }

    func customers(email: String, limit: Int) async throws -> StripeList<StripeCustomer> {
        try await send(.listCustomers(email: email, limit: limit))
    }

    func createCustomer(email: String, name: String, metadata: [String: String], idempotencyKey: String)
        async throws -> StripeCustomer
    {
        try await send(.createCustomer(email: email, name: name, metadata: metadata, idempotencyKey: idempotencyKey))
    }

    func createConfirmedPaymentIntent(
        customerID: String, amount: Int, currency: String, paymentMethod: String, description: String?,
        metadata: [String: String], idempotencyKey: String
    ) async throws -> PaymentIntent {
        try await send(
            .createConfirmedPaymentIntent(
                customerID: customerID, amount: amount, currency: currency, paymentMethod: paymentMethod,
                description: description, metadata: metadata, idempotencyKey: idempotencyKey))
    }
}
