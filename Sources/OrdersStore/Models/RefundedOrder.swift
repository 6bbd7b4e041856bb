/// An order with the sums of its journalled refunds, as `get_order_history` lists it.
public struct RefundedOrder: Sendable, Hashable {
    /// The order.
    public var order: Order
    /// Its journal's succeeded refunds.
    public var succeededCents: Int
    /// Its journal's refunds whose outcome is not known yet, whether or not Stripe has accepted them: without
    /// Stripe's own figure to weigh them against, all of them count against what remains refundable.
    public var pendingCents: Int

    /// Pairs an order with its refund sums.
    public init(order: Order, succeededCents: Int = 0, pendingCents: Int = 0) {
        self.order = order
        self.succeededCents = succeededCents
        self.pendingCents = pendingCents
    }
}
