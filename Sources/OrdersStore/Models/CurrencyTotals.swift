/// Order and refund sums in one currency.
public struct CurrencyTotals: Sendable, Hashable {
    /// The lowercase ISO currency code.
    public var currency: String
    /// How many orders were counted.
    public var orders: Int
    /// The orders' amounts, whatever their status.
    public var grossCents: Int
    /// The succeeded refunds of those orders.
    public var refundedCents: Int
    /// Gross less refunded.
    public var netCents: Int

    /// Creates totals; `netCents` is gross less refunded.
    public init(currency: String, orders: Int, grossCents: Int, refundedCents: Int) {
        self.currency = currency
        self.orders = orders
        self.grossCents = grossCents
        self.refundedCents = refundedCents
        self.netCents = grossCents - refundedCents
    }
}
