import DynamicJSON

/// `issue_refund`'s answer: a preview with its confirmation token, or what happened to the refund.
///
/// Every key is always present (`null` where it does not apply), so one output schema describes every status.
public struct RefundResult: JSONWritable, Sendable {
    /// Where the refund stands.
    public enum Status: String, JSONWritable, Sendable, Hashable {
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

        /// Writes the raw value, as the design names the status.
        public func write(to writer: inout JSONWriter) { rawValue.write(to: &writer) }
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
    /// When the token stops working, UTC ISO-8601 (preview only).
    public var expiresAt: String? = nil
    /// Stripe's refund id (`re_…`), once Stripe created it.
    public var stripeRefundID: String? = nil
    /// Stripe's refund status: `succeeded`, `pending`, `requires_action`, `failed` or `canceled`.
    public var stripeRefundStatus: String? = nil
    /// The journal (`refund_log`) row id.
    public var refundLogID: String? = nil
    /// The order's status after the refund.
    public var orderStatus: String? = nil
    /// How the refund was approved: `elicitation` or `confirmation_token`.
    public var approvedVia: String? = nil
    /// Why the refund failed or was declined, in words a support agent understands.
    public var failureReason: String? = nil
    /// The Stripe error behind a failure, for logs; not part of the structured answer.
    public var gatewayError: GatewayError?
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

    /// Writes the answer with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("amount_cents", amountCents)
            json.member("approved_via", approvedVia)
            json.member("confirmation_token", confirmationToken)
            json.member("currency", currency)
            json.member("customer_email", customerEmail)
            json.member("expires_at", expiresAt)
            json.member("failure_reason", failureReason)
            json.member("note", note)
            json.member("order_age_days", orderAgeDays)
            json.member("order_id", orderID)
            json.member("order_status", orderStatus)
            json.member("payment_intent_id", paymentIntentID)
            json.member("reason", reason.rawValue)
            json.member("refund_log_id", refundLogID)
            json.member("refundable_cents", refundableCents)
            json.member("status", status)
            json.member("stripe_refund_id", stripeRefundID)
            json.member("stripe_refund_status", stripeRefundStatus)
        }
    }
}
