import DynamicJSON
import OrdersStore

/// `get_order_history`'s answer: one page of a customer's internal orders, newest first.
public struct OrderHistory: JSONWritable, Sendable, Hashable {
    /// Whose orders these are.
    public var customer: CustomerRecord
    /// The page of orders.
    public var orders: [OrderSummary]
    /// The `cursor` for the next page, or `nil` on the last page.
    public var nextCursor: String? = nil

    /// A short rendering: one line per order.
    public var text: String {
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
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("next_cursor", nextCursor)
            json.member("orders", orders)
        }
    }
}

/// One internal order with what has been refunded and what still can be.
public struct OrderSummary: JSONWritable, Sendable, Hashable {
    /// The internal order id.
    public var orderID: String
    /// The PaymentIntent that paid for it (`pi_…`), if recorded.
    public var paymentIntentID: String? = nil
    /// The amount paid, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// `paid`, `partially_refunded` or `refunded`.
    public var status: String
    /// When the order was created, UTC ISO-8601.
    public var createdAt: String
    /// The journal's succeeded refunds.
    public var refundedCents: Int
    /// What remains after succeeded refunds and refunds whose outcome is still pending.
    ///
    /// The database's view only: `issue_refund` also respects refunds made in Stripe's dashboard.
    public var refundableCents: Int

    init(_ order: Order, totals: RefundTotals) {
        orderID = order.id
        paymentIntentID = order.paymentIntentID
        amountCents = order.amountCents
        currency = order.currency
        status = order.status.rawValue
        createdAt = Timestamps.iso8601(order.createdAt)
        refundedCents = totals.succeededCents
        // Impossible amounts (other systems write this database) leave nothing that can be refunded.
        refundableCents =
            RefundPlan.refundable(orderAmount: order.amountCents, journal: totals, stripeRefunded: 0) ?? 0
    }

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
            amount.appendFormatted(to: &text)
        }
        text.append(utf8: orderID)
        text.append(" (")
        text.append(utf8: paymentIntentID ?? "no PaymentIntent")
        text.append("): ")
        money(amountCents)
        text.append(" ")
        text.append(utf8: status)
        text.append(", ")
        text.append(utf8: createdAt)
        // Only a paid order: one another system marked refunded without journal rows keeps both figures, which do
        // not contradict its status the way "in full" would.
        guard status != "paid" || amountCents <= 0 || refundedCents != 0 || refundableCents != amountCents else {
            text.append(", refundable in full")
            return
        }
        text.append(", refunded ")
        money(refundedCents)
        text.append(", refundable ")
        money(refundableCents)
    }

    /// Writes the order with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
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
