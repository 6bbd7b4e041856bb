import FoundationEssentials

extension PaymentService {
    /// The length of the clock-aligned windows within which identical `create_payment_link` calls share their
    /// idempotency keys.
    static let paymentLinkRetryWindow: Duration = .seconds(600)

    /// `create_payment_link`: a one-off Price and a PaymentLink selling `quantity` of it.
    ///
    /// The idempotency keys are derived from the arguments and the ten-minute window of the clock (aligned to
    /// UTC: 12:00–12:10, 12:10–12:20, …) the call falls in, so a retried identical call in the same window returns
    /// the same link instead of creating a second one. A retry that falls in the next window creates a second,
    /// equivalent link; that is harmless (an unused link charges no one), and it lets an agent deliberately make
    /// a fresh link later.
    /// - Parameters:
    ///   - amountCents: the unit amount in minor units, 1 to 99,999,999.
    ///   - description: what the customer pays for, 1 to 250 characters (becomes the product's name).
    ///   - currency: a three-letter code.
    ///   - quantity: 1 to 99.
    /// - Throws: `PaymentError` (`.invalidArgument`, `.stripeNotConfigured`, `.stripe`).
    public func createPaymentLink(
        amountCents: Int, description: String, currency: String = "usd", quantity: Int = 1
    ) async throws -> PaymentLinkResult {
        let amount = try InputValidation.amount(amountCents)
        let description = try InputValidation.description(description)
        let currency = try InputValidation.currency(currency)
        let quantity = try InputValidation.quantity(quantity)
        let window = Int((policy.now().timeIntervalSince1970 / Self.paymentLinkRetryWindow.seconds).rounded(.down))
        let key = StableHash.hex("\(amount)|\(currency)|\(quantity)|\(window)|\(description)")
        let priceID = try await callStripe("create the price for the payment link") {
            try await $0.createPrice(
                amount: amount, currency: currency, productName: description, idempotencyKey: "payment-ops-price-\(key)"
            )
        }
        let link = try await callStripe("create the payment link") {
            try await $0.createPaymentLink(
                priceID: priceID, quantity: quantity, metadata: ["created_by": "payment-ops"],
                idempotencyKey: "payment-ops-link-\(key)")
        }
        return PaymentLinkResult(
            url: link.url, paymentLinkID: link.id, priceID: priceID, amountCents: amount, currency: currency,
            quantity: quantity, description: description)
    }
}
