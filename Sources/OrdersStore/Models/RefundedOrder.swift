/// An order with the sums of its journalled refunds, as `get_order_history` lists it.
public struct RefundedOrder: Sendable, Hashable {
    /// The order.
    public var order: Order
    /// Its journal's succeeded and pending sums.
    public var refunds: RefundTotals

    /// Pairs an order with its refund sums.
    public init(order: Order, refunds: RefundTotals) {
        self.order = order
        self.refunds = refunds
    }
}
