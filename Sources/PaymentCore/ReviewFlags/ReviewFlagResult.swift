public import FoundationEssentials
import OrdersStore

/// `flag_for_review`'s answer: the `review_flags` row written.
public struct ReviewFlagResult: Sendable, Hashable {
    /// The flag's id.
    public var flagID: String
    /// The flagged order.
    public var orderID: String
    /// Its PaymentIntent.
    public var paymentIntentID: String? = nil
    /// Why it was flagged (free text).
    public var note: String
    /// Who flagged it: the signed-in agent, or `PAYMENT_OPS_ACTOR`.
    public var flaggedBy: String
    /// When.
    public var createdAt: Date

    init(_ flag: ReviewFlag) {
        flagID = flag.id
        orderID = flag.orderID
        paymentIntentID = flag.paymentIntentID
        note = flag.note
        flaggedBy = flag.flaggedBy
        createdAt = flag.createdAt
    }
}
