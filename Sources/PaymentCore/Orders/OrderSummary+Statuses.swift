import OrdersStore

extension OrderSummary {
    /// Every value `status` can take: `paid`, `refunded`, `partially_refunded`.
    public static let statuses = OrderStatus.allCases.map(\.rawValue)
}
