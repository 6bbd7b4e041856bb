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

    /// The revenue statement, visible to tests that check its query plan.
    static let revenueSQL = totalsSQL(filter: "o.created_at >= ?1 AND o.created_at < ?2")
    private static let customerTotalsSQL = totalsSQL(filter: "o.customer_id = ?1")

    /// The one aggregation behind revenue and customer totals, over the orders `filter` selects.
    ///
    /// Reads each order's `refunded_cents`, which triggers keep equal to its succeeded refunds (schema version 3).
    /// SQLite groups by sorting unless rows arrive in group order, and sorting half a million rows costs more than
    /// reading them. So the currencies are listed first, one index seek each (a loose index scan), and
    /// `currency IN` walks `ix_orders_currency_created` one currency at a time, its date range only, already grouped,
    /// without consulting ANALYZE statistics. Legacy orders with no currency are `usd` and get their own range, then
    /// join the `usd` row; that branch always yields a row, so empty groups are dropped at the end.
    private static func totalsSQL(filter: String) -> String {
        """
        WITH RECURSIVE currencies(currency) AS (
          SELECT MIN(currency) FROM orders
          UNION ALL
          SELECT (SELECT MIN(currency) FROM orders WHERE currency > currencies.currency) FROM currencies
          WHERE currency IS NOT NULL
        ),
        totals(currency, orders, gross, refunded) AS (
          SELECT o.currency, COUNT(*), SUM(o.amount_cents), SUM(o.refunded_cents) FROM orders AS o
          WHERE o.currency IN (SELECT currency FROM currencies) AND \(filter)
          GROUP BY o.currency
          UNION ALL
          SELECT 'usd', COUNT(*), SUM(o.amount_cents), SUM(o.refunded_cents) FROM orders AS o
          WHERE o.currency IS NULL AND \(filter)
        )
        SELECT currency, SUM(orders) AS orders, COALESCE(SUM(gross), 0) AS gross_cents,
          COALESCE(SUM(refunded), 0) AS refunded_cents
        FROM totals GROUP BY currency HAVING SUM(orders) > 0 ORDER BY currency
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
    enum Column: Int, RowColumns {
        case currency, orders, grossCents, refundedCents

        var name: String {
            switch self {
            case .currency: "currency"
            case .orders: "orders"
            case .grossCents: "gross_cents"
            case .refundedCents: "refunded_cents"
            }
        }
    }

    init(row: Row) throws {
        let row = try row.columns(Column.self)
        self.init(
            currency: try row.string(.currency),
            orders: try row.int(.orders),
            grossCents: try row.int(.grossCents),
            refundedCents: try row.int(.refundedCents)
        )
    }
}

extension StoreTimestamp {
    /// The `YYYY-MM-DD` day of a date, UTC.
    static func dayText(_ date: Date) -> String {
        String(string(from: date).prefix(10))
    }
}
