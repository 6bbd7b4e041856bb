public import StripeClient

/// The production gateway: Stripe's REST API through `StripeClient`, its objects and errors mapped to
/// PaymentCore's own types.
public struct StripeGateway: DemoGateway {
    /// The client every call goes through.
    let client: StripeClient

    /// Creates the gateway over a configured client.
    public init(client: StripeClient) {
        self.client = client
    }

    /// Every attempt's total timeout (which includes connecting), and before each retry the longest wait the
    /// retry policy can ask for: its full backoff, or the longest `Retry-After` it honours.
    public var longestCall: Duration {
        let configuration = client.configuration
        var retryPolicy = configuration.retryPolicy
        // The jitter scales the backoff by half to all of it; 1 gives all of it.
        retryPolicy.jitter = { 1 }
        let waits = (0..<retryPolicy.maxRetries).reduce(Duration.zero) { total, retry in
            total + retryPolicy.delay(beforeRetry: retry + 1, retryAfter: retryPolicy.maxRetryAfter)
        }
        return configuration.totalTimeout * (retryPolicy.maxRetries + 1) + waits
    }

    /// The mode of the configured key.
    public var mode: GatewayMode { Self.mode(of: client.configuration.key) }

    /// Retrieves a customer, which may come back deleted.
    public func customer(id: String) async throws -> ProcessorCustomer {
        Self.customer(try await send(.retrieveCustomer(id: id), as: StripeCustomer.self))
    }

    /// Lists a customer's PaymentIntents, newest first, with `latest_charge` expanded.
    public func paymentIntents(customerID: String, limit: Int, startingAfter: String?) async throws
        -> ProcessorPage<ProcessorPayment>
    {
        let list = try await send(
            .listPaymentIntents(customerID: customerID, limit: limit, startingAfter: startingAfter),
            as: StripeList<PaymentIntent>.self)
        return Self.page(list, Self.payment)
    }

    /// Retrieves one PaymentIntent with `latest_charge` expanded.
    public func paymentIntent(id: String) async throws -> ProcessorPayment {
        Self.payment(try await send(.retrievePaymentIntent(id: id), as: PaymentIntent.self))
    }

    /// Creates a refund of `amount` on a PaymentIntent, sent with the given `Idempotency-Key`.
    public func createRefund(
        paymentIntentID: String, amount: Int, reason: RefundReason?, metadata: [String: String],
        idempotencyKey: String
    ) async throws -> ProcessorRefund {
        let refund = try await send(
            .createRefund(
                paymentIntentID: paymentIntentID, amount: amount, reason: reason?.rawValue, metadata: metadata,
                idempotencyKey: idempotencyKey),
            as: Refund.self)
        return Self.refund(refund)
    }

    /// Lists the refunds of a PaymentIntent, newest first.
    public func refunds(paymentIntentID: String, limit: Int, startingAfter: String?) async throws
        -> ProcessorPage<ProcessorRefund>
    {
        let list = try await send(
            .listRefunds(paymentIntentID: paymentIntentID, limit: limit, startingAfter: startingAfter),
            as: StripeList<Refund>.self)
        return Self.page(list, Self.refund)
    }

    /// Creates a one-off Price for a new product named `productName`; returns its id.
    public func createPrice(amount: Int, currency: String, productName: String, idempotencyKey: String)
        async throws -> String
    {
        try await send(
            .createPrice(amount: amount, currency: currency, productName: productName, idempotencyKey: idempotencyKey),
            as: Price.self
        ).id
    }

    /// Creates a PaymentLink selling `quantity` of a price.
    public func createPaymentLink(priceID: String, quantity: Int, metadata: [String: String], idempotencyKey: String)
        async throws -> ProcessorPaymentLink
    {
        let link = try await send(
            .createPaymentLink(
                priceID: priceID, quantity: quantity, metadata: metadata, idempotencyKey: idempotencyKey),
            as: PaymentLink.self)
        return ProcessorPaymentLink(id: link.id, url: link.url)
    }

    /// Lists customers with exactly this email address.
    public func customers(email: String, limit: Int) async throws -> ProcessorPage<ProcessorCustomer> {
        let list = try await send(.listCustomers(email: email, limit: limit), as: StripeList<StripeCustomer>.self)
        return Self.page(list, Self.customer)
    }

    /// Creates a customer.
    public func createCustomer(email: String, name: String, metadata: [String: String], idempotencyKey: String)
        async throws -> ProcessorCustomer
    {
        let customer = try await send(
            .createCustomer(email: email, name: name, metadata: metadata, idempotencyKey: idempotencyKey),
            as: StripeCustomer.self)
        return Self.customer(customer)
    }

    /// Creates and confirms a PaymentIntent for a customer with a test payment method (demo seeding).
    public func createConfirmedPaymentIntent(
        customerID: String, amount: Int, currency: String, paymentMethod: String, description: String?,
        metadata: [String: String], idempotencyKey: String
    ) async throws -> ProcessorPayment {
        let intent = try await send(
            .createConfirmedPaymentIntent(
                customerID: customerID, amount: amount, currency: currency, paymentMethod: paymentMethod,
                description: description, metadata: metadata, idempotencyKey: idempotencyKey),
            as: PaymentIntent.self)
        return Self.payment(intent)
    }

    /// Sends a request and decodes the answer, mapping Stripe's error to the gateway's.
    func send<Response: Decodable>(_ request: StripeRequest, as type: Response.Type) async throws(GatewayError)
        -> Response
    {
        do {
            return try await client.send(request, as: type)
        } catch {
            throw Self.gatewayError(error)
        }
    }
}
