public import FoundationEssentials
public import OrdersStore

/// The `payment://{payment_intent_id}` resource: the internal order, the live PaymentIntent and the refund
/// journal of one payment.
public struct PaymentDetail: Sendable, Hashable {
    /// The PaymentIntent id asked for.
    public var paymentIntentID: String
    /// The internal order, when one records this payment.
    public var order: OrderSummary? = nil
    /// The email of the order's customer.
    public var customerEmail: String? = nil
    /// The live PaymentIntent, when Stripe answered.
    public var paymentIntent: PaymentSummary? = nil
    /// Why the PaymentIntent could not be loaded, when it could not.
    public var stripeError: String? = nil
    /// The journal's refunds of the order, oldest first.
    public var refunds: [RefundLogRecord]
    /// Review flags on the order, oldest first.
    public var reviewFlags: [ReviewFlagResult]
}

/// One row of the refund journal.
public struct RefundLogRecord: Sendable, Hashable {
    /// A journal row's status as the orders database records it, named here for the layers above PaymentCore.
    public typealias Status = RefundLogStatus

    /// The journal row id (also in the Stripe refund's metadata).
    public var refundLogID: String
    /// Stripe's refund id, once known.
    public var stripeRefundID: String? = nil
    /// The amount, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// `pending`, `succeeded` or `failed`.
    public var status: Status
    /// Stripe's reason.
    public var reason: String? = nil
    /// Free text.
    public var note: String? = nil
    /// Who refunded.
    public var refundedBy: String? = nil
    /// `elicitation` or `confirmation_token` (empty for refunds older than the gate).
    public var approvedVia: String? = nil
    /// Why it failed, when it did.
    public var error: String? = nil
    /// When it was journalled.
    public var createdAt: Date
    /// When it was settled.
    public var completedAt: Date? = nil

    init(_ entry: RefundLogEntry) {
        refundLogID = entry.id
        stripeRefundID = entry.stripeRefundID
        amountCents = entry.amountCents
        currency = entry.currency
        status = entry.status
        reason = entry.reason
        note = entry.note
        refundedBy = entry.refundedBy
        approvedVia = entry.approvedVia
        error = entry.error
        createdAt = entry.createdAt
        completedAt = entry.completedAt
    }
}
