import DynamicJSON
import OrdersStore

/// `flag_for_review`'s answer: the `review_flags` row written.
public struct ReviewFlagResult: JSONWritable, Sendable, Hashable {
    /// The flag's id.
    public var flagID: String
    /// The flagged order.
    public var orderID: String
    /// Its PaymentIntent.
    public var paymentIntentID: String? = nil
    /// Why it was flagged (free text).
    public var note: String
    /// Who flagged it (`PAYMENT_OPS_ACTOR`).
    public var flaggedBy: String
    /// When, UTC ISO-8601.
    public var createdAt: String

    init(_ flag: ReviewFlag) {
        flagID = flag.id
        orderID = flag.orderID
        paymentIntentID = flag.paymentIntentID
        note = flag.note
        flaggedBy = flag.flaggedBy
        createdAt = Timestamps.iso8601(flag.createdAt)
    }

    /// A short rendering; the note is fenced as data.
    public var text: String {
        "Flagged order \(orderID) (PaymentIntent \(paymentIntentID ?? "none")) for review as \(flaggedBy) at "
            + "\(createdAt); flag \(flagID). Nothing else changed.\n"
            + DataFence.render(label: DataFence.customerLabel, fields: [("note", note)])
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("created_at", createdAt)
            json.member("flag_id", flagID)
            json.member("flagged_by", flaggedBy)
            json.member("note", note)
            json.member("order_id", orderID)
            json.member("payment_intent_id", paymentIntentID)
        }
    }
}
