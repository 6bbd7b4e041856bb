import OrdersStore

/// `revenue_summary`'s answer: per currency, the orders created in a date range and their refunds.
public struct RevenueSummary: Sendable, Hashable {
    /// The first day (UTC).
    public var startDate: CalendarDate
    /// The last day, inclusive.
    public var endDate: CalendarDate
    /// Orders created in the range, all currencies.
    public var orders: Int
    /// The sums per currency, by currency code.
    public var currencies: [RevenueCurrency]
}

/// The sums of one currency in a revenue summary.
public struct RevenueCurrency: Sendable, Hashable {
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// Orders created in the range in this currency, whatever their status.
    public var orders: Int
    /// The sum of those orders.
    public var grossCents: Int
    /// The sum of their succeeded refunds.
    public var refundedCents: Int
    /// Gross less refunded.
    public var netCents: Int

    init(_ totals: CurrencyTotals) {
        currency = totals.currency
        orders = totals.orders
        grossCents = totals.grossCents
        refundedCents = totals.refundedCents
        netCents = totals.netCents
    }
}
