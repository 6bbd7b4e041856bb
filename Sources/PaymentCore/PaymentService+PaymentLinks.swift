import FoundationEssentials

extension PaymentService {
    /// How long an identical `create_payment_link` call reuses the first call's idempotency keys.
    static let paymentLinkRetryWindow: TimeInterval = 600

    /// `create_payment_link`: a one-off Price and a PaymentLink selling `quantity` of it.
    ///
    /// The idempotency keys are derived from the arguments and the current ten-minute window, so a retried
    /// identical call returns the same link instead of creating a second one.
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
        let window = Int((policy.now().timeIntervalSince1970 / Self.paymentLinkRetryWindow).rounded(.down))
        let key = StableHash.hex("\(amount)|\(currency)|\(quantity)|\(window)|\(description)")
        let price = try await callStripe("create the price for the payment link") {
            try await $0.createPrice(
                amount: amount, currency: currency, productName: description, idempotencyKey: "payment-ops-price-\(key)"
            )
        }
        let link = try await callStripe("create the payment link") {
            try await $0.createPaymentLink(
                priceID: price.id, quantity: quantity, metadata: ["created_by": "payment-ops"],
                idempotencyKey: "payment-ops-link-\(key)")
        }
        return PaymentLinkResult(
            url: link.url, paymentLinkID: link.id, priceID: price.id, amountCents: amount, currency: currency,
            quantity: quantity, description: description)
    }
}

/// A stable, non-cryptographic 128-bit hash (two FNV-1a passes), for idempotency keys derived from arguments.
///
/// Swift's `Hasher` is seeded per process, so it cannot give two server processes the same key.
enum StableHash {
    /// The hash of the UTF-8 bytes of `text`, as 32 hex digits.
    static func hex(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return [UInt64(0xcbf2_9ce4_8422_2325), 0x6c62_272e_07bb_0142]
            .map { seed in
                let value = bytes.reduce(seed) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
                let digits = String(value, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }
            .joined()
    }
}
