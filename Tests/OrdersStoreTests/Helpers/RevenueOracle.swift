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

extension Database {
    /// The ids the random operations pick from.
    func revenueTestState() throws -> RevenueTestState {
        RevenueTestState(
            orderIDs: try fetchAll("SELECT id FROM orders ORDER BY id") { try $0.string("id") },
            refundIDs: try fetchAll("SELECT id FROM refund_log ORDER BY id") { try $0.string("id") },
            pendingRefundIDs: try fetchAll("SELECT id FROM refund_log WHERE status = 'pending' ORDER BY id") {
                try $0.string("id")
            })
    }

    /// Applies one random operation in SQLite's dialect.
    func apply(_ operation: RevenueOperation) throws {
        switch operation {
        case .insertOrder(let order):
            try insertOrder(order)
        case .rawInsertOrder(let id, let customerID, let amount, let currency, let createdAt):
            try execute(
                "INSERT INTO orders (id, customer_id, amount_cents, currency, created_at) VALUES (?, ?, ?, ?, ?)",
                [id, customerID, Self.value(amount), currency, Self.value(createdAt)])
        case .updateAmount(let orderID, let amount):
            try execute("UPDATE orders SET amount_cents = ? WHERE id = ?", [Self.value(amount), orderID])
        case .updateCurrency(let orderID, let currency):
            try execute("UPDATE orders SET currency = ? WHERE id = ?", [currency, orderID])
        case .updateCreatedAt(let orderID, let createdAt):
            try execute("UPDATE orders SET created_at = ? WHERE id = ?", [Self.value(createdAt), orderID])
        case .updateRefundedCents(let orderID, let amount):
            try execute("UPDATE orders SET refunded_cents = ? WHERE id = ?", [Self.value(amount), orderID])
        case .setStatus(let orderID, let status):
            try setOrderStatus(status, orderID: orderID)
        case .deleteOrder(let orderID):
            try execute("DELETE FROM refund_log WHERE order_id = ?", [orderID])
            try execute("DELETE FROM orders WHERE id = ?", [orderID])
        case .replaceOrder(let orderID, let customerID, let amount, let currency, let createdAt):
            // SQLite deletes the old row without a delete trigger.
            try execute(
                """
                INSERT OR REPLACE INTO orders (id, customer_id, amount_cents, currency, status, created_at)
                VALUES (?, ?, ?, ?, 'paid', ?)
                """,
                [orderID, customerID, Self.value(amount), currency, Self.value(createdAt)])
        case .insertIgnored(let orderID, let customerID):
            // Ignored and upserting inserts fire the BEFORE INSERT trigger but no AFTER INSERT one.
            try execute(
                "INSERT OR IGNORE INTO orders (id, customer_id, amount_cents, created_at) VALUES (?, ?, 1, ?)",
                [orderID, customerID, "2026-11-03 10:00:00"])
        case .upsertAmount(let orderID, let customerID):
            try execute(
                """
                INSERT INTO orders (id, customer_id, amount_cents, created_at) VALUES (?, ?, 1, '2026-11-03')
                ON CONFLICT (id) DO UPDATE SET amount_cents = amount_cents + 7
                """,
                [orderID, customerID])
        case .insertRefund(let entry):
            try insertRefundLogEntry(entry)
        case .settleRefund(let id, let stripeRefundID):
            try settleRefund(id: id, stripeRefundID: stripeRefundID, completedAt: Samples.instant)
        case .failRefund(let id):
            try failRefund(id: id, error: "declined", completedAt: Samples.instant)
        case .insertLegacyRefund(let id, let orderID):
            try insertLegacyRefund(id: id, orderID: orderID, amountCents: 125)
        case .updateRefund(let id, let amountCents, let status, let orderID):
            try execute(
                "UPDATE refund_log SET amount_cents = ?, status = ?, order_id = ? WHERE id = ?",
                [amountCents, status.rawValue, orderID, id])
        case .replaceRefund(let id, let orderID, let amountCents):
            try execute(
                """
                INSERT OR REPLACE INTO refund_log (id, order_id, amount_cents, status, created_at)
                VALUES (?, ?, ?, 'succeeded', '2026-11-27 10:00:00')
                """,
                [id, orderID, amountCents])
        }
    }

    private static func value(_ amount: RevenueOperation.Amount) -> Int {
        switch amount {
        case .cents(let cents): cents
        case .limit: .max
        }
    }

    private static func value(_ timestamp: RevenueOperation.Timestamp) -> SQLValue {
        switch timestamp {
        case .null: .null
        case .integer: .integer(20_261_105)
        case .words: .text("not a time")
        case .text(let text): .text(text)
        }
    }
}
