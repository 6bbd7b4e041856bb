@testable import OrdersStore

extension PostgresTransaction {
    /// Revenue as it was computed before the rollup: a scan of every order in the range, by the query customer
    /// totals still use.
    func revenueByScanningOrders(from start: String, before end: String) throws -> [CurrencyTotals] {
        try fetchAll(
            Self.totalsSQL(filter: "created_at >= $1::timestamp AND created_at < $2::timestamp"), [start, end],
            CurrencyTotals.init(postgres:))
    }

    /// Every `revenue_days` row with orders, as `day currency orders gross refunded`, by day and currency.
    func revenueDays() throws -> [String] {
        try fetchAll(
            """
            SELECT to_char(day, 'YYYY-MM-DD') AS day, currency, orders, gross_cents, refunded_cents FROM revenue_days
            WHERE orders <> 0 ORDER BY revenue_days.day, revenue_days.currency COLLATE "C"
            """, [], Self.revenueDay)
    }

    /// What `revenue_days` should hold, summed afresh from the orders the way the migration's backfill does.
    func revenueDaysFromOrders() throws -> [String] {
        try fetchAll(
            """
            SELECT to_char(created_at::date, 'YYYY-MM-DD') AS day, COALESCE(currency, 'usd') AS currency,
              COUNT(*) AS orders, \(PostgresSchema.saturated("SUM(amount_cents)")) AS gross_cents,
              \(PostgresSchema.saturated("SUM(refunded_cents)")) AS refunded_cents
            FROM orders WHERE created_at IS NOT NULL GROUP BY created_at::date, COALESCE(currency, 'usd')
            ORDER BY created_at::date, COALESCE(currency, 'usd') COLLATE "C"
            """, [], Self.revenueDay)
    }

    /// The rollup's rows whose orders are all gone but which still hold a sum (there should be none).
    func emptyRevenueDaysWithSums() throws -> Int {
        try fetchOne(
            "SELECT COUNT(*) AS n FROM revenue_days WHERE orders = 0 AND (gross_cents <> 0 OR refunded_cents <> 0)"
        ) { try $0.int("n") } ?? 0
    }

    private static func revenueDay(_ row: PostgresRow) throws -> String {
        "\(try row.string("day")) \(try row.string("currency")) \(try row.int("orders")) "
            + "\(try row.int("gross_cents")) \(try row.int("refunded_cents"))"
    }

    /// The ids the random operations pick from.
    func revenueTestState() throws -> RevenueTestState {
        RevenueTestState(
            orderIDs: try fetchAll(#"SELECT id FROM orders ORDER BY id COLLATE "C""#) { try $0.string("id") },
            refundIDs: try fetchAll(#"SELECT id FROM refund_log ORDER BY id COLLATE "C""#) { try $0.string("id") },
            pendingRefundIDs: try fetchAll(
                #"SELECT id FROM refund_log WHERE status = 'pending' ORDER BY id COLLATE "C""#
            ) { try $0.string("id") })
    }

    /// Applies one random operation in PostgreSQL's dialect; its upserts stand for SQLite's `INSERT OR REPLACE`.
    func apply(_ operation: RevenueOperation) throws {
        switch operation {
        case .insertOrder(let order):
            try insertOrder(order)
        case .rawInsertOrder(let id, let customerID, let amount, let currency, let createdAt):
            try execute(
                "INSERT INTO orders (id, customer_id, amount_cents, currency, created_at) VALUES ($1, $2, $3, $4, $5)",
                [id, customerID, Self.amount(amount), currency, Self.value(createdAt)])
        case .updateAmount(let orderID, let amount):
            try execute("UPDATE orders SET amount_cents = $1 WHERE id = $2", [Self.amount(amount), orderID])
        case .updateCurrency(let orderID, let currency):
            try execute("UPDATE orders SET currency = $1 WHERE id = $2", [currency, orderID])
        case .updateCreatedAt(let orderID, let createdAt):
            try execute("UPDATE orders SET created_at = $1 WHERE id = $2", [Self.value(createdAt), orderID])
        case .updateRefundedCents(let orderID, let amount):
            let cents: Int = if case .cents(let cents) = amount { cents } else { .max }
            try execute("UPDATE orders SET refunded_cents = $1 WHERE id = $2", [cents, orderID])
        case .setStatus(let orderID, let status):
            try setOrderStatus(status, orderID: orderID)
        case .deleteOrder(let orderID):
            try execute("DELETE FROM refund_log WHERE order_id = $1", [orderID])
            try execute("DELETE FROM orders WHERE id = $1", [orderID])
        case .replaceOrder(let orderID, let customerID, let amount, let currency, let createdAt):
            try execute(
                """
                INSERT INTO orders (id, customer_id, amount_cents, currency, status, created_at)
                VALUES ($1, $2, $3, $4, 'paid', $5)
                ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, stripe_charge_id = NULL,
                  amount_cents = excluded.amount_cents, currency = excluded.currency, status = excluded.status,
                  created_at = excluded.created_at
                """,
                [orderID, customerID, Self.amount(amount), currency, Self.value(createdAt)])
        case .insertIgnored(let orderID, let customerID):
            try execute(
                """
                INSERT INTO orders (id, customer_id, amount_cents, created_at) VALUES ($1, $2, 1, '2026-11-03 10:00:00')
                ON CONFLICT DO NOTHING
                """,
                [orderID, customerID])
        case .upsertAmount(let orderID, let customerID):
            try execute(
                """
                INSERT INTO orders (id, customer_id, amount_cents, created_at) VALUES ($1, $2, 1, '2026-11-03')
                ON CONFLICT (id) DO UPDATE SET amount_cents = CASE WHEN orders.amount_cents > 2147483640 THEN 1
                  ELSE orders.amount_cents + 7 END
                """,
                [orderID, customerID])
        case .insertRefund(let entry):
            try insertRefundLogEntry(entry)
        case .settleRefund(let id, let stripeRefundID):
            try settleRefund(id: id, stripeRefundID: stripeRefundID, completedAt: Samples.instant)
        case .failRefund(let id):
            try failRefund(id: id, error: "declined", completedAt: Samples.instant)
        case .insertLegacyRefund(let id, let orderID):
            try execute(
                """
                INSERT INTO refund_log (id, order_id, stripe_refund_id, amount_cents, reason, refunded_by, created_at)
                VALUES ($1, $2, $3, 125, 'requested_by_customer', 'support', '2026-11-27 16:21:52.929971')
                """,
                [id, orderID, "re_" + id])
        case .updateRefund(let id, let amountCents, let status, let orderID):
            try execute(
                "UPDATE refund_log SET amount_cents = $1, status = $2, order_id = $3 WHERE id = $4",
                [amountCents, status.rawValue, orderID, id])
        case .replaceRefund(let id, let orderID, let amountCents):
            try execute(
                """
                INSERT INTO refund_log (id, order_id, amount_cents, status, created_at)
                VALUES ($1, $2, $3, 'succeeded', '2026-11-27 10:00:00')
                ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, amount_cents = excluded.amount_cents,
                  status = excluded.status, created_at = excluded.created_at
                """,
                [id, orderID, amountCents])
        }
    }

    /// An amount for `orders.amount_cents`, an `INTEGER`: its limit is 2^31 − 1.
    private static func amount(_ amount: RevenueOperation.Amount) -> Int {
        switch amount {
        case .cents(let cents): cents
        case .limit: Int(Int32.max)
        }
    }

    /// A `created_at` for a `TIMESTAMP` column, which cannot hold a number or words: those become NULL.
    private static func value(_ timestamp: RevenueOperation.Timestamp) -> String? {
        if case .text(let text) = timestamp { text } else { nil }
    }
}
