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
        var lines = ["\(orders.count) order(s) of customer \(customer.id), newest first.", customer.dataBlock]
        lines += orders.map { "- " + $0.line }
        if let nextCursor {
            lines.append("More orders: call get_order_history again with cursor \(nextCursor).")
        }
        return lines.joined(separator: "\n")
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
        let money = { (amount: Int) in Money(amount: amount, currency: currency).formatted }
        return "\(orderID) (\(paymentIntentID ?? "no PaymentIntent")): \(money(amountCents)) \(status), \(createdAt), "
            + "refunded \(money(refundedCents)), refundable \(money(refundableCents))"
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
