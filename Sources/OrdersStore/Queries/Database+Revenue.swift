import FoundationEssentials

extension Database {
    /// Orders, gross, succeeded refunds and net per currency for orders created between two UTC dates
    /// (`YYYY-MM-DD`, both inclusive), by currency ascending; one SQL statement.
    ///
    /// Gross counts every order created in the range, whatever its status; refunded counts the succeeded
    /// refunds of those orders, whenever they happened.
    /// - Throws: `StoreError` of kind `.invalidDate` when a date is not a real `YYYY-MM-DD` day.
    public func revenue(from startDate: String, through endDate: String) throws -> [CurrencyTotals] {
        let start = try Self.day(startDate)
        // Stored text compares in time order, and "2026-11-28" sorts before every time on that day.
        let end = try Self.day(endDate).addingTimeInterval(86_400)
        return try fetchAll(
            Self.revenueSQL,
            [StoreTimestamp.dayText(start), StoreTimestamp.dayText(end)],
            CurrencyTotals.init(row:)
        )
    }

    /// The same sums as `revenue` over all of one customer's orders.
    public func customerTotals(customerID: String) throws -> [CurrencyTotals] {
        try fetchAll(Self.customerTotalsSQL, [customerID], CurrencyTotals.init(row:))
    }

    private static let revenueSQL = totalsSQL(filter: "o.created_at >= ? AND o.created_at < ?")
    private static let customerTotalsSQL = totalsSQL(filter: "o.customer_id = ?")

    /// The one aggregation behind revenue and customer totals, over the orders `filter` selects.
    ///
    /// Refunds are summed per order in a subquery first: joining refund rows directly would count an order with
    /// two refunds twice in `orders` and `gross`.
    private static func totalsSQL(filter: String) -> String {
        """
        SELECT COALESCE(o.currency, 'usd'), COUNT(*), COALESCE(SUM(o.amount_cents), 0), COALESCE(SUM(r.refunded), 0)
        FROM orders AS o
        LEFT JOIN (
          SELECT order_id, SUM(amount_cents) AS refunded FROM refund_log WHERE status = 'succeeded' GROUP BY order_id
        ) AS r ON r.order_id = o.id
        WHERE \(filter)
        GROUP BY 1 ORDER BY 1
        """
    }

    private static func day(_ text: String) throws -> Date {
        guard text.utf8.count == 10, let date = StoreTimestamp.date(from: text) else {
            throw StoreError.invalidDate
        }
        return date
    }
}

extension CurrencyTotals {
    init(row: Row) throws {
        self.init(
            currency: try row.string(0),
            orders: try row.int(1),
            grossCents: try row.int(2),
            refundedCents: try row.int(3)
        )
    }
}

extension StoreTimestamp {
    /// The `YYYY-MM-DD` day of a date, UTC.
    static func dayText(_ date: Date) -> String {
        String(string(from: date).prefix(10))
    }
}
