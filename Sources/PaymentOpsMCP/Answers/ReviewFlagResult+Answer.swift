import DynamicJSON
import PaymentCore

/// `flag_for_review`'s answer, and the review flags of the `payment://` resource.
extension ReviewFlagResult: ToolAnswer {
    /// A short rendering; the note is fenced as data.
    var text: String {
        "Flagged order \(orderID) (PaymentIntent \(paymentIntentID ?? "none")) for review as \(flaggedBy) at "
            + "\(Timestamps.iso8601(createdAt)); flag \(flagID). Nothing else changed.\n"
            + DataFence.render(label: DataFence.customerLabel, fields: [("note", note)])
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
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
