import FoundationEssentials

extension Database {
    /// Orders, gross, succeeded refunds and net per currency for orders created between two UTC dates
    /// (`YYYY-MM-DD`, both inclusive), by currency ascending; one SQL statement.
    ///
    /// Gross counts every order created in the range, whatever its status; refunded counts the succeeded
    /// refunds of those orders, whenever they happened. Read from the per-day rollup `revenue_days` (schema
    /// version 6), so the cost grows with the days in the range, not with the orders. Sums saturate at the integer
    /// limits instead of failing, as the journal sums do; below 2^53 cents they are exact.
    /// - Throws: `StoreError` of kind `.invalidDate` when a date is not a real `YYYY-MM-DD` day.
    public func revenue(from startDate: String, through endDate: String) throws -> [CurrencyTotals] {
        let start = try Self.day(startDate)
        // Day keys compare in time order, and the day after the end is the first one not wanted.
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

    /// The revenue statement, visible to tests that check its query plan: one range of the rollup's primary key.
    ///
    /// A day whose orders were all deleted keeps its row with zero orders; it is left out like a day without one.
    static let revenueSQL = """
        SELECT currency, SUM(orders) AS orders, CAST(TOTAL(gross_cents) AS INTEGER) AS gross_cents,
          CAST(TOTAL(refunded_cents) AS INTEGER) AS refunded_cents
        FROM revenue_days WHERE day >= ?1 AND day < ?2
        GROUP BY currency HAVING SUM(orders) > 0 ORDER BY currency
        """

    private static let customerTotalsSQL = totalsSQL(filter: "o.customer_id = ?1")

    /// The aggregation behind customer totals, over the orders `filter` selects; before the rollup it was revenue's
    /// too, and the tests keep it as the oracle the rollup is checked against.
    ///
    /// Reads each order's `refunded_cents`, which triggers keep equal to its succeeded refunds (schema version 3).
    /// SQLite groups by sorting unless rows arrive in group order. So the currencies are listed first, one index
    /// seek each (a loose index scan), and `currency IN` walks `ix_orders_currency_created` one currency at a time,
    /// already grouped, without consulting ANALYZE statistics. Legacy orders with no currency are `usd` and get
    /// their own range, then join the `usd` row; that branch always yields a row, so empty groups are dropped at
    /// the end. Sums saturate at the integer limits as the rollup's do (`TOTAL` never fails, and is exact below
    /// 2^53 cents).
    static func totalsSQL(filter: String) -> String {
        """
        WITH RECURSIVE currencies(currency) AS (
          SELECT MIN(currency) FROM orders
          UNION ALL
          SELECT (SELECT MIN(currency) FROM orders WHERE currency > currencies.currency) FROM currencies
          WHERE currency IS NOT NULL
        ),
        totals(currency, orders, gross, refunded) AS (
          SELECT o.currency, COUNT(*), TOTAL(o.amount_cents), TOTAL(o.refunded_cents) FROM orders AS o
          WHERE o.currency IN (SELECT currency FROM currencies) AND \(filter)
          GROUP BY o.currency
          UNION ALL
          SELECT 'usd', COUNT(*), TOTAL(o.amount_cents), TOTAL(o.refunded_cents) FROM orders AS o
          WHERE o.currency IS NULL AND \(filter)
        )
        SELECT currency, SUM(orders) AS orders, CAST(TOTAL(gross) AS INTEGER) AS gross_cents,
          CAST(TOTAL(refunded) AS INTEGER) AS refunded_cents
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
