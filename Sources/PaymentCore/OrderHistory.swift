import OrdersStore

/// `get_order_history`'s answer: one page of a customer's internal orders, newest first.
public struct OrderHistory: Encodable, Sendable, Hashable {
    /// Whose orders these are.
    public var customer: CustomerRecord
    /// The page of orders.
    public var orders: [OrderSummary]
    /// The `cursor` for the next page, or `nil` on the last page.
    @NullWhenAbsent public var nextCursor: String? = nil

    /// A short rendering: one line per order.
    public var text: String {
        // One growing string rather than an array of lines joined at the end: a page can hold 200 orders.
        var text = "\(orders.count) order(s) of customer \(customer.id), newest first.\n" + customer.dataBlock
        text.reserveCapacity(text.utf8.count + orders.count * 128 + 128)
        for order in orders {
            text += "\n- "
            order.appendLine(to: &text)
        }
        if let nextCursor {
            text += "\nMore orders: call get_order_history again with cursor \(nextCursor)."
        }
        return text
    }

    enum CodingKeys: String, CodingKey {
        case customer, orders
        case nextCursor = "next_cursor"
    }
}

/// One internal order with what has been refunded and what still can be.
public struct OrderSummary: Encodable, Sendable, Hashable {
    /// The internal order id.
    public var orderID: String
    /// The PaymentIntent that paid for it (`pi_…`), if recorded.
    @NullWhenAbsent public var paymentIntentID: String? = nil
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

    /// One line: id, amount, status, refunded and refundable.
    var line: String {
        var text = ""
        appendLine(to: &text)
        return text
    }

    /// Appends `line` to `text`, without a string of its own in between.
    func appendLine(to text: inout String) {
        let money = { (amount: Int) in Money(amount: amount, currency: currency).formatted }
        text += orderID
        text += " ("
        text += paymentIntentID ?? "no PaymentIntent"
        text += "): "
        text += money(amountCents)
        text += " "
        text += status
        text += ", "
        text += createdAt
        text += ", refunded "
        text += money(refundedCents)
        text += ", refundable "
        text += money(refundableCents)
    }

    enum CodingKeys: String, CodingKey {
        case currency, status
        case orderID = "order_id"
        case paymentIntentID = "payment_intent_id"
        case amountCents = "amount_cents"
        case createdAt = "created_at"
        case refundedCents = "refunded_cents"
        case refundableCents = "refundable_cents"
    }
}
