import DynamicJSON
import PaymentCore

/// `get_order_history`'s answer.
extension OrderHistory: ToolAnswer {
    /// A short rendering: one line per order.
    var text: String {
        // UTF-8 bytes made into a string once: each append to a growing String cost hundreds of instructions, and
        // a page can hold 200 orders of 13 pieces each.
        var text = ByteBuffer(capacity: orders.count * 128 + 512)
        text.append(utf8: "\(orders.count) order(s) of customer \(customer.id), newest first.\n")
        text.append(utf8: customer.dataBlock)
        for order in orders {
            text.append("\n- ")
            order.appendLine(to: &text)
        }
        if let nextCursor {
            text.append(utf8: "\nMore orders: call get_order_history again with cursor \(nextCursor).")
        }
        return text.string
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("next_cursor", nextCursor)
            json.member("orders", orders)
        }
    }
}

extension OrderSummary: AnswerJSON {
    /// One line: id, amount, status, and what was refunded and remains refundable, or `refundable in full` for the
    /// common paid order nothing has touched (shorter for the model to read).
    var line: String {
        var text = ByteBuffer(capacity: 128)
        appendLine(to: &text)
        return text.string
    }

    /// Appends `line` to `text` as UTF-8, without a string of its own in between.
    func appendLine(to text: inout ByteBuffer) {
        // One Money for the line's three amounts: they share the currency, lower-cased once.
        var amount = Money(amount: amountCents, currency: currency)
        func money(_ cents: Int) {
            amount.amount = cents
            text.append(utf8: amount.formatted)
        }
        text.append(utf8: orderID)
        text.append(" (")
        text.append(utf8: paymentIntentID ?? "no PaymentIntent")
        text.append("): ")
        money(amountCents)
        text.append(" ")
        text.append(utf8: status.name)
        text.append(", ")
        text.append(utf8: Timestamps.iso8601(createdAt))
        // Only a paid order: one another system marked refunded without journal rows keeps both figures, which do
        // not contradict its status the way "in full" would.
        guard !status.isPaid || amountCents <= 0 || refundedCents != 0 || refundableCents != amountCents else {
            text.append(", refundable in full")
            return
        }
        text.append(", refunded ")
        money(refundedCents)
        text.append(", refundable ")
        money(refundableCents)
    }

    /// Writes the order with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("amount_cents", amountCents)
            json.member("created_at", createdAt)
            json.member("currency", currency)
            json.member("order_id", orderID)
            json.member("payment_intent_id", paymentIntentID)
            json.member("refundable_cents", refundableCents)
            json.member("refunded_cents", refundedCents)
            json.member("status", status)
        }
    }
}
