public import OrdersStore

// The store's status vocabulary, as the layers above PaymentCore (which never import the store) read it.

extension OrderStatus {
    /// The status as answers write it: `paid`, `partially_refunded` or `refunded`.
    public var name: String { rawValue }

    /// Whether the order is paid with nothing refunded.
    public var isPaid: Bool { self == .paid }
}

extension RefundLogStatus {
    /// The status as answers write it: `pending`, `succeeded` or `failed`.
    public var name: String { rawValue }
}
