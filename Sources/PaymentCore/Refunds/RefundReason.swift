/// Why a refund is made; the raw values are the processor's (Stripe's `reason` enum).
public enum RefundReason: String, Sendable, Codable, CaseIterable {
    /// The customer asked for their money back.
    case requestedByCustomer = "requested_by_customer"
    /// The customer was charged twice for the same thing.
    case duplicate
    /// The payment was not made by the card's owner.
    case fraudulent
}
