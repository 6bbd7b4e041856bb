public import FoundationEssentials

/// Where a journalled refund stands.
public enum RefundLogStatus: String, Sendable, Codable, CaseIterable {
    /// Journalled before calling Stripe; the outcome is not known yet.
    case pending
    /// Stripe made the refund.
    case succeeded
    /// Stripe certainly did not make the refund.
    case failed
}

/// A row of `refund_log`: one money movement, journalled before and after it happens.
public struct RefundLogEntry: Sendable, Hashable {
    /// The primary key, a UUID string; also sent to Stripe as refund metadata.
    public var id: String
    /// The refunded order.
    public var orderID: String
    /// Stripe's refund id (`re_…`) once known.
    public var stripeRefundID: String?
    /// The amount in the currency's smallest unit.
    public var amountCents: Int
    /// The order's currency.
    public var currency: String
    /// Stripe's reason code (`requested_by_customer`, `duplicate`, `fraudulent`).
    public var reason: String?
    /// Free text from the operator.
    public var note: String?
    /// Who asked for the refund (`PAYMENT_OPS_ACTOR`).
    public var refundedBy: String?
    /// Where the refund stands.
    public var status: RefundLogStatus
    /// The `Idempotency-Key` sent to Stripe; unique.
    public var idempotencyKey: String?
    /// How the human approved it (elicitation, confirmation token, second approval).
    public var approvedVia: String?
    /// Who gave the second approval; nil when none was needed.
    public var approvedBy: String?
    /// Why it failed, when it did.
    public var error: String?
    /// When the entry was journalled.
    public var createdAt: Date
    /// When the outcome was recorded.
    public var completedAt: Date?

    /// Creates a journal entry.
    public init(
        id: String,
        orderID: String,
        stripeRefundID: String? = nil,
        amountCents: Int,
        currency: String,
        reason: String?,
        note: String? = nil,
        refundedBy: String?,
        status: RefundLogStatus,
        idempotencyKey: String?,
        approvedVia: String? = nil,
        approvedBy: String? = nil,
        error: String? = nil,
        createdAt: Date,
        completedAt: Date? = nil
    ) {
        self.id = id
        self.orderID = orderID
        self.stripeRefundID = stripeRefundID
        self.amountCents = amountCents
        self.currency = currency
        self.reason = reason
        self.note = note
        self.refundedBy = refundedBy
        self.status = status
        self.idempotencyKey = idempotencyKey
        self.approvedVia = approvedVia
        self.approvedBy = approvedBy
        self.error = error
        self.createdAt = createdAt
        self.completedAt = completedAt
    }
}

/// The sums of an order's journalled refunds that count against what remains refundable.
public struct RefundTotals: Sendable, Hashable {
    /// Refunds Stripe made.
    public var succeededCents: Int
    /// Refunds whose outcome is not known yet.
    public var pendingCents: Int
    /// The part of `pendingCents` that Stripe accepted but has not finished (the row has Stripe's refund id):
    /// Stripe already counts it in the charge's `amount_refunded`.
    public var pendingAtStripeCents: Int

    /// Creates totals from their parts.
    public init(succeededCents: Int, pendingCents: Int, pendingAtStripeCents: Int = 0) {
        self.succeededCents = succeededCents
        self.pendingCents = pendingCents
        self.pendingAtStripeCents = pendingAtStripeCents
    }

    /// No refunds at all.
    public static let zero = RefundTotals(succeededCents: 0, pendingCents: 0)
}
