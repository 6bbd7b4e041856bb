import DynamicJSON
import PaymentCore

/// The `payment://{payment_intent_id}` resource.
extension PaymentDetail: AnswerJSON {
    /// A short rendering of the same facts.
    var text: String {
        var lines = ["Payment \(paymentIntentID)."]
        if let order { lines.append("Order: " + order.line) } else { lines.append("No internal order records it.") }
        if let paymentIntent { lines.append("Stripe: " + paymentIntent.line) }
        if let stripeError { lines.append("Stripe: could not load the PaymentIntent — \(stripeError)") }
        lines += refunds.map { "Refund " + $0.line }
        if !reviewFlags.isEmpty { lines.append("\(reviewFlags.count) review flag(s).") }
        var data: [(String, String)] = []
        if let customerEmail { data.append(("customer email", customerEmail)) }
        data += refunds.compactMap { entry in entry.note.map { ("refund \(entry.refundLogID) note", $0) } }
        data += reviewFlags.map { ("flag \($0.flagID) note", $0.note) }
        if let description = paymentIntent?.description { data.append(("Stripe description", description)) }
        if !data.isEmpty { lines.append(DataFence.render(label: DataFence.customerLabel, fields: data)) }
        return lines.joined(separator: "\n")
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer_email", customerEmail)
            json.member("order", order)
            json.member("payment_intent", paymentIntent)
            json.member("payment_intent_id", paymentIntentID)
            json.member("refunds", refunds)
            json.member("review_flags", reviewFlags)
            json.member("stripe_error", stripeError)
        }
    }
}

extension RefundLogRecord: AnswerJSON {
    /// One line: id, amount, status.
    var line: String {
        "\(refundLogID): \(Money(amount: amountCents, currency: currency)) \(status.name)"
            + (stripeRefundID.map { " (\($0))" } ?? "") + ", \(Timestamps.iso8601(createdAt))"
            + (error.map { " — \($0)" } ?? "")
    }

    /// Writes the journal row with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("amount_cents", amountCents)
            json.member("approved_via", approvedVia)
            json.member("completed_at", completedAt)
            json.member("created_at", createdAt)
            json.member("currency", currency)
            json.member("error", error)
            json.member("note", note)
            json.member("reason", reason)
            json.member("refund_log_id", refundLogID)
            json.member("refunded_by", refundedBy)
            json.member("status", status)
            json.member("stripe_refund_id", stripeRefundID)
        }
    }
}
