public import FoundationEssentials

/// `issue_refund`'s answer: a preview with its confirmation token, or what happened to the refund.
///
/// Every key is always present (`null` where it does not apply), so one output schema describes every status.
public struct RefundResult: Sendable {
    /// Where the refund stands.
    public enum Status: String, Sendable, Hashable {
        /// Nothing moved; the answer carries a confirmation token.
        case preview
        /// Stripe created the refund and reported it succeeded.
        case refunded
        /// Stripe created the refund but it is still pending there, or the outcome is unknown (no Stripe id):
        /// reconciliation will settle the journal row.
        case pending
        /// Stripe did not make the refund; nothing moved.
        case failed
        /// The human approver declined or dismissed the refund; nothing moved.
        case declined
        /// The refund is above its currency's limit and waits for another person's approval; nothing moved.
        case awaitingApproval = "awaiting_approval"
        /// The second approver rejected the refund request; nothing moved.
        case rejected
    }

    /// Where the refund stands.
    public var status: Status
    /// The internal order refunded.
    public var orderID: String
    /// Its PaymentIntent.
    public var paymentIntentID: String
    /// The customer's email address.
    public var customerEmail: String
    /// The amount of this refund, in minor units.
    public var amountCents: Int
    /// The order's currency.
    public var currency: String
    /// Stripe's reason.
    public var reason: RefundReason
    /// Free text for the journal.
    public var note: String? = nil
    /// The order's age in whole days.
    public var orderAgeDays: Int
    /// What remained refundable before this refund.
    public var refundableCents: Int
    /// The single-use token to confirm this exact refund (preview only).
    public var confirmationToken: String? = nil
    /// When the token stops working (preview), or the request can no longer be approved (awaiting approval).
    public var expiresAt: Date? = nil
    /// The refund request waiting for, or given, a second approval (`rrq_…`).
    public var approvalRequestID: String? = nil
    /// Who asked for a refund that needed a second approval.
    public var requestedBy: String? = nil
    /// Who gave the second approval.
    public var approvedBy: String? = nil
    /// Who rejected the request (rejected only).
    public var decidedBy: String? = nil
    /// The limit the refund went over, in the order's currency (awaiting approval only).
    public var approvalLimitCents: Int? = nil
    /// Stripe's refund id (`re_…`), once Stripe created it.
    public var stripeRefundID: String? = nil
    /// Stripe's refund status: `succeeded`, `pending`, `requires_action`, `failed` or `canceled`.
    public var stripeRefundStatus: String? = nil
    /// The journal (`refund_log`) row id.
    public var refundLogID: String? = nil
    /// The order's status after the refund.
    public var orderStatus: OrderSummary.Status? = nil
    /// How the refund was approved: `elicitation`, `confirmation_token` or `second_approval`.
    public var approvedVia: String? = nil
    /// Why the refund failed or was declined, in words a support agent understands.
    public var failureReason: String? = nil
    /// The Stripe error behind a failure, for logs; not part of the structured answer.
    public var gatewayError: GatewayError?
    /// Whether this preview follows an approval request nobody answered in time; shown in the text only.
    public var approvalTimedOut = false

    /// The refund's amount as money.
    var amount: Money { Money(amount: amountCents, currency: currency) }
}
