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
    /// (`YYYY-MM-DD`, both inclusive), by currency ascending; one SQL statement.
    ///
    /// Gross counts every order created in the range, whatever its status; refunded counts the succeeded
    /// refunds of those orders, whenever they happened.
    /// - Throws: `StoreError` of kind `.invalidDate` when a date is not a real `YYYY-MM-DD` day.
    public func revenue(from startDate: String, through endDate: String) throws -> [CurrencyTotals] {
        let start = try Self.day(startDate)
        let end = try Self.day(endDate).addingTimeInterval(86_400)
        return try fetchAll(
            Self.totalsSQL(filter: "created_at >= $1::timestamp AND created_at < $2::timestamp"),
            [StoreTimestamp.dayText(start), StoreTimestamp.dayText(end)], CurrencyTotals.init(postgres:))
    }

    /// The same sums as `revenue` over all of one customer's orders.
    public func customerTotals(customerID: String) throws -> [CurrencyTotals] {
        try fetchAll(Self.totalsSQL(filter: "customer_id = $1"), [customerID], CurrencyTotals.init(postgres:))
    }

    /// The one aggregation behind revenue and customer totals, over the orders `filter` selects.
    ///
    /// Reads each order's `refunded_cents`, which the trigger keeps equal to its succeeded refunds. Revenue's range
    /// is one scan of `ix_orders_created_revenue`, which holds every column read; the groups are hashed. Legacy
    /// orders with no currency count as `usd`. `SUM` of `BIGINT` is `numeric`, read back as an integer.
    static func totalsSQL(filter: String) -> String {
        """
        SELECT COALESCE(currency, 'usd') AS currency, COUNT(*) AS orders,
          COALESCE(SUM(amount_cents), 0) AS gross_cents, COALESCE(SUM(refunded_cents), 0) AS refunded_cents
        FROM orders WHERE \(filter)
        GROUP BY COALESCE(currency, 'usd') ORDER BY 1
        """
    }

    private static func day(_ text: String) throws -> Date {
        guard text.utf8.count == 10, let date = StoreTimestamp.date(from: text) else {
            throw StoreError.invalidDate
        }
        return date
    }
}
