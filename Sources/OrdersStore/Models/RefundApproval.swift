public import FoundationEssentials

/// A row of `refund_approvals`: a refund preview's single-use confirmation token and what it is bound to.
public struct RefundApproval: Sendable, Hashable {
    /// The token handed out with the preview; the primary key.
    public var token: String
    /// The order the refund is for.
    public var orderID: String
    /// The previewed amount in the currency's smallest unit.
    public var amountCents: Int
    /// The order's currency.
    public var currency: String
    /// The previewed reason code.
    public var reason: String
    /// The previewed note.
    public var note: String?
    /// After this the token is no good.
    public var expiresAt: Date
    /// When the token was used, nil while unused.
    public var usedAt: Date?
    /// What using it led to (refunded, declined, …).
    public var outcome: String?
    /// The second-approval request this token approves; nil for a token of `issue_refund`'s own preview.
    public var refundRequestID: String?

    /// Creates an approval record.
    public init(
        token: String,
        orderID: String,
        amountCents: Int,
        currency: String,
        reason: String,
        note: String?,
        expiresAt: Date,
        usedAt: Date? = nil,
        outcome: String? = nil,
        refundRequestID: String? = nil
    ) {
        self.token = token
        self.orderID = orderID
        self.amountCents = amountCents
        self.currency = currency
        self.reason = reason
        self.note = note
        self.expiresAt = expiresAt
        self.usedAt = usedAt
        self.outcome = outcome
        self.refundRequestID = refundRequestID
    }
}
