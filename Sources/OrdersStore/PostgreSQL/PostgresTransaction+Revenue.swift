import FoundationEssentials

extension CurrencyTotals {
    /// Decodes a row of the totals query by column name.
    init(postgres row: PostgresRow) throws {
        self.init(
            currency: try row.string("currency"),
            orders: try row.int("orders"),
            grossCents: try row.int("gross_cents"),
            refundedCents: try row.int("refunded_cents")
        )
    }
}

extension PostgresTransaction {
    /// Orders, gross, succeeded refunds and net per currency for orders created between two UTC dates
    /// (`YYYY-MM-DD`, both inclusive), by currency ascending (byte order); one SQL statement.
    ///
    /// Gross counts every order created in the range, whatever its status; refunded counts the succeeded
    /// refunds of those orders, whenever they happened. Read from the per-day rollup `revenue_days` (schema
    /// version 6), so the cost grows with the days in the range, not with the orders. Sums saturate at the
    /// `BIGINT` limits instead of failing, as SQLite's do.
    /// - Throws: `StoreError` of kind `.invalidDate` when a date is not a real `YYYY-MM-DD` day.
    public func revenue(from startDate: String, through endDate: String) throws -> [CurrencyTotals] {
        let start = try Self.day(startDate)
        let end = try Self.day(endDate).addingTimeInterval(86_400)
        return try fetchAll(
            Self.revenueSQL, [StoreTimestamp.dayText(start), StoreTimestamp.dayText(end)],
            CurrencyTotals.init(postgres:))
    }

    /// The revenue statement: one range of the rollup's primary key. A day whose orders were all deleted keeps its
    /// row with zero orders; it is left out like a day without one.
    static let revenueSQL = """
        SELECT currency, SUM(orders) AS orders, \(PostgresSchema.saturated("SUM(gross_cents)")) AS gross_cents,
          \(PostgresSchema.saturated("SUM(refunded_cents)")) AS refunded_cents
        FROM revenue_days WHERE day >= $1::date AND day < $2::date
        GROUP BY currency HAVING SUM(orders) > 0 ORDER BY currency COLLATE "C"
        """

    /// The same sums as `revenue` over all of one customer's orders.
    public func customerTotals(customerID: String) throws -> [CurrencyTotals] {
        try fetchAll(Self.totalsSQL(filter: "customer_id = $1"), [customerID], CurrencyTotals.init(postgres:))
    }

    /// The one aggregation behind revenue and customer totals, over the orders `filter` selects.
    ///
    /// Reads each order's `refunded_cents`, which the trigger keeps equal to its succeeded refunds. Before the
    /// rollup it was revenue's too, and the tests keep it as the oracle the rollup is checked against: a range of
    /// `created_at` is one scan of `ix_orders_created_revenue`, which holds every column read. Legacy orders with
    /// no currency count as `usd`. `SUM` of `BIGINT` is `numeric`, clamped to the `BIGINT` limits as SQLite's sums
    /// are (another system may write any `refunded_cents`).
    static func totalsSQL(filter: String) -> String {
        """
        SELECT COALESCE(currency, 'usd') AS currency, COUNT(*) AS orders,
          \(PostgresSchema.saturated("COALESCE(SUM(amount_cents), 0)")) AS gross_cents,
          \(PostgresSchema.saturated("COALESCE(SUM(refunded_cents), 0)")) AS refunded_cents
        FROM orders WHERE \(filter)
        GROUP BY COALESCE(currency, 'usd') ORDER BY COALESCE(currency, 'usd') COLLATE "C"
        """
    }

    private static func day(_ text: String) throws -> Date {
        guard text.utf8.count == 10, let date = StoreTimestamp.date(from: text) else {
            throw StoreError.invalidDate
        }
        return date
    }
}
