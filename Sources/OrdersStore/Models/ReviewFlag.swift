public import FoundationEssentials

/// A row of `review_flags`: an order marked for a human to look at.
public struct ReviewFlag: Sendable, Hashable {
    /// The primary key, a UUID string.
    public var id: String
    /// The flagged order.
    public var orderID: String
    /// The order's PaymentIntent (`pi_…`) at the time of flagging; column `stripe_charge_id`.
    public var paymentIntentID: String?
    /// Why it was flagged.
    public var note: String
    /// Who flagged it (`PAYMENT_OPS_ACTOR`).
    public var flaggedBy: String
    /// When it was flagged.
    public var createdAt: Date

    /// Creates a flag.
    public init(id: String, orderID: String, paymentIntentID: String?, note: String, flaggedBy: String, createdAt: Date)
    {
        self.id = id
        self.orderID = orderID
        self.paymentIntentID = paymentIntentID
        self.note = note
        self.flaggedBy = flaggedBy
        self.createdAt = createdAt
    }
}
