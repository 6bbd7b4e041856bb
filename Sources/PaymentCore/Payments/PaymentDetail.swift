import DynamicJSON
import OrdersStore

/// The `payment://{payment_intent_id}` resource: the internal order, the live PaymentIntent and the refund
/// journal of one payment.
public struct PaymentDetail: JSONWritable, Sendable, Hashable {
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

    /// A short rendering of the same facts.
    public var text: String {
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
    public func write(to writer: inout JSONWriter) {
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

/// One row of the refund journal.
public struct RefundLogRecord: JSONWritable, Sendable, Hashable {
    /// The journal row id (also in the Stripe refund's metadata).
    public var refundLogID: String
    /// Stripe's refund id, once known.
    public var stripeRefundID: String? = nil
    /// The amount, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// `pending`, `succeeded` or `failed`.
    public var status: String
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
    /// When it was journalled, UTC ISO-8601.
    public var createdAt: String
    /// When it was settled, UTC ISO-8601.
    public var completedAt: String? = nil

    init(_ entry: RefundLogEntry) {
        refundLogID = entry.id
        stripeRefundID = entry.stripeRefundID
        amountCents = entry.amountCents
        currency = entry.currency
        status = entry.status.rawValue
        reason = entry.reason
        note = entry.note
        refundedBy = entry.refundedBy
        approvedVia = entry.approvedVia
        error = entry.error
        createdAt = Timestamps.iso8601(entry.createdAt)
        completedAt = entry.completedAt.map { Timestamps.iso8601($0) }
    }

    /// One line: id, amount, status.
    var line: String {
        "\(refundLogID): \(Money(amount: amountCents, currency: currency)) \(status)"
            + (stripeRefundID.map { " (\($0))" } ?? "") + ", \(createdAt)" + (error.map { " — \($0)" } ?? "")
    }

    /// Writes the journal row with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
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
