@testable import OrdersStore

/// A seeded generator (SplitMix64), so a failing random run can be replayed exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

extension Database {
    /// Revenue as it was computed before the rollup: a scan of every order in the range, by the query that
    /// schema version 5 used and customer totals still use.
    func revenueByScanningOrders(from start: String, before end: String) throws -> [CurrencyTotals] {
        try fetchAll(
            Database.totalsSQL(filter: "o.created_at >= ?1 AND o.created_at < ?2"), [start, end],
            CurrencyTotals.init(row:))
    }

    /// Every `revenue_days` row with orders, as `day currency orders gross refunded`, by day and currency.
    func revenueDays() throws -> [String] {
        try fetchAll(
            "SELECT * FROM revenue_days WHERE orders != 0 ORDER BY day, currency"
        ) { row in
            "\(try row.string("day")) \(try row.string("currency")) \(try row.int("orders")) "
                + "\(try row.int("gross_cents")) \(try row.int("refunded_cents"))"
        }
    }

    /// What `revenue_days` should hold, summed afresh from the orders the way the migration's backfill does.
    func revenueDaysFromOrders() throws -> [String] {
        try fetchAll(
            """
            SELECT substr(created_at, 1, 10) AS day, COALESCE(currency, 'usd') AS currency, COUNT(*) AS orders,
              CAST(TOTAL(amount_cents) AS INTEGER) AS gross_cents,
              CAST(TOTAL(refunded_cents) AS INTEGER) AS refunded_cents
            FROM orders WHERE typeof(created_at) = 'text' GROUP BY 1, 2 ORDER BY 1, 2
            """
        ) { row in
            "\(try row.string("day")) \(try row.string("currency")) \(try row.int("orders")) "
                + "\(try row.int("gross_cents")) \(try row.int("refunded_cents"))"
        }
    }

    /// The rollup's rows whose orders are all gone but which still hold a sum (there should be none).
    func emptyRevenueDaysWithSums() throws -> Int {
        try fetchOne(
            "SELECT COUNT(*) AS n FROM revenue_days WHERE orders = 0 AND (gross_cents != 0 OR refunded_cents != 0)"
        ) { try $0.int("n") } ?? 0
    }
}
