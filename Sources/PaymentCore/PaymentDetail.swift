import OrdersStore

/// The `payment://{payment_intent_id}` resource: the internal order, the live PaymentIntent and the refund
/// journal of one payment.
public struct PaymentDetail: Encodable, Sendable, Hashable {
    /// The PaymentIntent id asked for.
    public var paymentIntentID: String
    /// The internal order, when one records this payment.
    @NullWhenAbsent public var order: OrderSummary? = nil
    /// The email of the order's customer.
    @NullWhenAbsent public var customerEmail: String? = nil
    /// The live PaymentIntent, when Stripe answered.
    @NullWhenAbsent public var paymentIntent: PaymentSummary? = nil
    /// Why the PaymentIntent could not be loaded, when it could not.
    @NullWhenAbsent public var stripeError: String? = nil
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

    enum CodingKeys: String, CodingKey {
        case order, refunds
        case paymentIntentID = "payment_intent_id"
        case customerEmail = "customer_email"
        case paymentIntent = "payment_intent"
        case stripeError = "stripe_error"
        case reviewFlags = "review_flags"
    }
}

/// One row of the refund journal.
public struct RefundLogRecord: Encodable, Sendable, Hashable {
    /// The journal row id (also in the Stripe refund's metadata).
    public var refundLogID: String
    /// Stripe's refund id, once known.
    @NullWhenAbsent public var stripeRefundID: String? = nil
    /// The amount, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// `pending`, `succeeded` or `failed`.
    public var status: String
    /// Stripe's reason.
    @NullWhenAbsent public var reason: String? = nil
    /// Free text.
    @NullWhenAbsent public var note: String? = nil
    /// Who refunded.
    @NullWhenAbsent public var refundedBy: String? = nil
    /// `elicitation` or `confirmation_token` (empty for refunds older than the gate).
    @NullWhenAbsent public var approvedVia: String? = nil
    /// Why it failed, when it did.
    @NullWhenAbsent public var error: String? = nil
    /// When it was journalled, UTC ISO-8601.
    public var createdAt: String
    /// When it was settled, UTC ISO-8601.
    @NullWhenAbsent public var completedAt: String? = nil

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

    enum CodingKeys: String, CodingKey {
        case currency, status, reason, note, error
        case refundLogID = "refund_log_id"
        case stripeRefundID = "stripe_refund_id"
        case amountCents = "amount_cents"
        case refundedBy = "refunded_by"
        case approvedVia = "approved_via"
        case createdAt = "created_at"
        case completedAt = "completed_at"
    }
}
