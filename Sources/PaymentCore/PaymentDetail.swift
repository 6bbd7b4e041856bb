import OrdersStore

/// The `payment://{payment_intent_id}` resource: the internal order, the live PaymentIntent and the refund
/// journal of one payment.
public struct PaymentDetail: Encodable, Sendable, Hashable {
    /// The PaymentIntent id asked for.
    public var paymentIntentID: String
    /// The internal order, when one records this payment.
    public var order: OrderSummary?
    /// The email of the order's customer.
    public var customerEmail: String?
    /// The live PaymentIntent, when Stripe answered.
    public var paymentIntent: PaymentSummary?
    /// Why the PaymentIntent could not be loaded, when it could not.
    public var stripeError: String?
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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(paymentIntentID, forKey: .paymentIntentID)
        try container.encode(order, forKey: .order)
        try container.encode(customerEmail, forKey: .customerEmail)
        try container.encode(paymentIntent, forKey: .paymentIntent)
        try container.encode(stripeError, forKey: .stripeError)
        try container.encode(refunds, forKey: .refunds)
        try container.encode(reviewFlags, forKey: .reviewFlags)
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
    public var stripeRefundID: String?
    /// The amount, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// `pending`, `succeeded` or `failed`.
    public var status: String
    /// Stripe's reason.
    public var reason: String?
    /// Free text.
    public var note: String?
    /// Who refunded.
    public var refundedBy: String?
    /// `elicitation` or `confirmation_token` (empty for refunds older than the gate).
    public var approvedVia: String?
    /// Why it failed, when it did.
    public var error: String?
    /// When it was journalled, UTC ISO-8601.
    public var createdAt: String
    /// When it was settled, UTC ISO-8601.
    public var completedAt: String?

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

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(refundLogID, forKey: .refundLogID)
        try container.encode(stripeRefundID, forKey: .stripeRefundID)
        try container.encode(amountCents, forKey: .amountCents)
        try container.encode(currency, forKey: .currency)
        try container.encode(status, forKey: .status)
        try container.encode(reason, forKey: .reason)
        try container.encode(note, forKey: .note)
        try container.encode(refundedBy, forKey: .refundedBy)
        try container.encode(approvedVia, forKey: .approvedVia)
        try container.encode(error, forKey: .error)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(completedAt, forKey: .completedAt)
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
