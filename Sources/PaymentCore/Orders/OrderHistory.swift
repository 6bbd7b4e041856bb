public import FoundationEssentials
public import OrdersStore

/// `get_order_history`'s answer: one page of a customer's internal orders, newest first.
public struct OrderHistory: Sendable, Hashable {
    /// Whose orders these are.
    public var customer: CustomerRecord
    /// The page of orders.
    public var orders: [OrderSummary]
    /// The `cursor` for the next page, or `nil` on the last page.
    public var nextCursor: String? = nil
}

/// One internal order with what has been refunded and what still can be.
public struct OrderSummary: Sendable, Hashable {
    /// An order's status as the orders database records it, named here for the layers above PaymentCore.
    public typealias Status = OrderStatus

    /// The internal order id.
    public var orderID: String
    /// The PaymentIntent that paid for it (`pi_…`), if recorded.
    public var paymentIntentID: String? = nil
    /// The amount paid, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// `paid`, `partially_refunded` or `refunded`.
    public var status: Status
    /// When the order was created.
    public var createdAt: Date
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
        status = order.status
        createdAt = order.createdAt
        refundedCents = totals.succeededCents
        // Impossible amounts (other systems write this database) leave nothing that can be refunded.
        refundableCents =
            RefundPlan.refundable(orderAmount: order.amountCents, journal: totals, stripeRefunded: 0) ?? 0
    }
}
