import DynamicJSON
import PaymentCore

/// `issue_refund`'s answer.
extension RefundResult: ToolAnswer {
    /// The refund's amount as money.
    var amount: Money { Money(amount: amountCents, currency: currency) }

    /// A short rendering that says plainly whether money moved and what to do next.
    var text: String {
        var lines = [headline]
        lines.append(
            "Order \(orderID) (PaymentIntent \(paymentIntentID)), \(orderAgeDays) days old; amount "
                + "\(amount); reason \(reason.rawValue); refundable before this refund: "
                + "\(Money(amount: refundableCents, currency: currency)).")
        if let refundLogID {
            lines.append("Journal row \(refundLogID); order status now \(orderStatus?.name ?? "unchanged").")
        }
        if let approvedBy {
            lines.append(
                "Second approval of request \(approvalRequestID ?? ""): requested by \(requestedBy ?? "unknown"), "
                    + "approved by \(approvedBy).")
        }
        var data = [("customer email", customerEmail)]
        if let note { data.append(("note", note)) }
        lines.append(DataFence.render(label: DataFence.customerLabel, fields: data))
        return lines.joined(separator: "\n")
    }

    /// The first line: what happened and what to do next.
    private var headline: String {
        switch status {
        case .preview where approvalRequestID != nil:
            let lead =
                approvalTimedOut
                ? "Nobody answered the approval request in time; nothing was refunded. "
                : "Second-approval preview — nothing has moved yet. "
            return lead + "\(requestedBy ?? "Someone") asked for this refund; you give the second approval. Show the "
                + "user the amount, customer, order and reason below and ask them to approve. Only if they approve, "
                + "call approve_refund again with approval_request_id \(approvalRequestID ?? ""), decision: approve, "
                + "confirmed: true and confirmation_token \(confirmationToken ?? "") (single use, valid until "
                + "\(expiresAt.map(Timestamps.iso8601) ?? "soon"))."
        case .preview:
            let lead =
                approvalTimedOut
                ? "Nobody answered the approval request in time; nothing was refunded. "
                : "Refund preview — nothing has moved yet. "
            return lead + "Show the user the amount, customer, order and reason below and ask them to approve. "
                + "Only if they approve, call issue_refund again with confirmed: true and confirmation_token "
                + "\(confirmationToken ?? "") (single use, valid until \(expiresAt.map(Timestamps.iso8601) ?? "soon"))."
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
        case .awaitingApproval:
            let limit = approvalLimitCents.map { " of \(Money(amount: $0, currency: currency))" } ?? ""
            return "Not refunded yet: this refund takes the order's refunds above the second-approval limit\(limit), "
                + "so another person must approve it. Approval request \(approvalRequestID ?? "") waits until "
                + "\(expiresAt.map(Timestamps.iso8601) ?? "tomorrow"); nothing was refunded. Tell the user a "
                + "colleague who may approve refunds decides it with approve_refund; do not retry or split the refund."
        case .rejected:
            return "Refund request \(approvalRequestID ?? "") was rejected by \(decidedBy ?? "the approver"); nothing "
                + "was refunded. Tell the requester (\(requestedBy ?? "unknown")) it was not approved."
        }
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in writeMembers(to: &json) }
    }

    /// Writes `issue_refund`'s keys into an object being written.
    func writeMembers(to json: inout JSONWriter) {
        json.member("amount_cents", amountCents)
        json.member("approval_request_id", approvalRequestID)
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

extension RefundResult.Status: AnswerJSON {
    /// Writes the raw value, as the design names the status.
    func write(to writer: inout JSONWriter) { rawValue.write(to: &writer) }
}
