import StripeClient

/// `issue_refund`'s answer: a preview with its confirmation token, or what happened to the refund.
///
/// Every key is always present (`null` where it does not apply), so one output schema describes every status.
public struct RefundResult: Encodable, Sendable {
    /// Where the refund stands.
    public enum Status: String, Encodable, Sendable, Hashable {
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
    @NullWhenAbsent public var note: String? = nil
    /// The order's age in whole days.
    public var orderAgeDays: Int
    /// What remained refundable before this refund.
    public var refundableCents: Int
    /// The single-use token to confirm this exact refund (preview only).
    @NullWhenAbsent public var confirmationToken: String? = nil
    /// When the token stops working, UTC ISO-8601 (preview only).
    @NullWhenAbsent public var expiresAt: String? = nil
    /// Stripe's refund id (`re_…`), once Stripe created it.
    @NullWhenAbsent public var stripeRefundID: String? = nil
    /// Stripe's refund status: `succeeded`, `pending`, `requires_action`, `failed` or `canceled`.
    @NullWhenAbsent public var stripeRefundStatus: String? = nil
    /// The journal (`refund_log`) row id.
    @NullWhenAbsent public var refundLogID: String? = nil
    /// The order's status after the refund.
    @NullWhenAbsent public var orderStatus: String? = nil
    /// How the refund was approved: `elicitation` or `confirmation_token`.
    @NullWhenAbsent public var approvedVia: String? = nil
    /// Why the refund failed or was declined, in words a support agent understands.
    @NullWhenAbsent public var failureReason: String? = nil
    /// The Stripe error behind a failure, for logs; not part of the structured answer.
    public var stripeError: StripeError?
    /// Whether this preview follows an approval request nobody answered in time; shown in the text only.
    public var approvalTimedOut = false

    /// The refund's amount as money.
    var amount: Money { Money(amount: amountCents, currency: currency) }

    /// A short rendering that says plainly whether money moved and what to do next.
    public var text: String {
        var lines = [headline]
        lines.append(
            "Order \(orderID) (PaymentIntent \(paymentIntentID)), \(orderAgeDays) days old; amount "
                + "\(amount); reason \(reason.rawValue); refundable before this refund: "
                + "\(Money(amount: refundableCents, currency: currency)).")
        if let refundLogID {
            lines.append("Journal row \(refundLogID); order status now \(orderStatus ?? "unchanged").")
        }
        var data = [("customer email", customerEmail)]
        if let note { data.append(("note", note)) }
        lines.append(DataFence.render(label: DataFence.customerLabel, fields: data))
        return lines.joined(separator: "\n")
    }

    /// The first line: what happened and what to do next.
    private var headline: String {
        switch status {
        case .preview:
            let lead =
                approvalTimedOut
                ? "Nobody answered the approval request in time; nothing was refunded. "
                : "Refund preview — nothing has moved yet. "
            return lead + "Show the user the amount, customer, order and reason below and ask them to approve. "
                + "Only if they approve, call issue_refund again with confirmed: true and confirmation_token "
                + "\(confirmationToken ?? "") (single use, valid until \(expiresAt ?? "soon"))."
        case .refunded:
            return "Refunded \(amount): Stripe refund \(stripeRefundID ?? "") succeeded."
        case .pending where stripeRefundID != nil:
            return "Refund \(stripeRefundID ?? "") of \(amount) created, pending at Stripe (status "
                + "\(stripeRefundStatus ?? "pending")): Stripe accepted it, but the money has not reached the "
                + "customer yet."
        case .pending:
            return "The refund's outcome is unknown: \(failureReason ?? "Stripe did not answer"). It is journalled "
                + "as pending and reconciliation will settle it against Stripe. Do not retry this refund; check "
                + "again later with get_order_history or the payment:// resource."
        case .failed:
            return "Stripe did not make the refund, so nothing was refunded: \(failureReason ?? "unknown reason")"
        case .declined:
            return "The refund was not approved (\(failureReason ?? "declined")); nothing was refunded."
        }
    }

    enum CodingKeys: String, CodingKey {
        case status, currency, reason, note
        case orderID = "order_id"
        case paymentIntentID = "payment_intent_id"
        case customerEmail = "customer_email"
        case amountCents = "amount_cents"
        case orderAgeDays = "order_age_days"
        case refundableCents = "refundable_cents"
        case confirmationToken = "confirmation_token"
        case expiresAt = "expires_at"
        case stripeRefundID = "stripe_refund_id"
        case stripeRefundStatus = "stripe_refund_status"
        case refundLogID = "refund_log_id"
        case orderStatus = "order_status"
        case approvedVia = "approved_via"
        case failureReason = "failure_reason"
    }
}
