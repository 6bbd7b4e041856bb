@testable import OrdersStore

extension Database {
    /// Every order whose `refunded_cents` or `pending_refund_cents` is not the sum of its succeeded or pending
    /// journal rows, as `id: column ≠ journal`.
    ///
    /// Empty when the triggers and the backfills kept every order right.
    func journalSumMismatches() throws -> [String] {
        try ["succeeded": "refunded_cents", "pending": "pending_refund_cents"].sorted(by: <).flatMap {
            status, column in
            try fetchAll(
                """
                SELECT id, \(column), journal FROM (
                  SELECT o.id, o.\(column), (SELECT COALESCE(SUM(r.amount_cents), 0) FROM refund_log AS r
                    WHERE r.order_id = o.id AND r.status = '\(status)') AS journal
                  FROM orders AS o
                ) WHERE \(column) != journal ORDER BY id
                """
            ) { row in "\(try row.string(0)): \(column) \(try row.int(1)) ≠ \(try row.int(2))" }
        }
    }

    /// The `pending_refund_cents` of each order, by id, as `id=cents`.
    func pendingRefundCents() throws -> [String] {
        try fetchAll("SELECT id, pending_refund_cents FROM orders ORDER BY id") { row in
            "\(try row.string(0))=\(try row.int(1))"
        }
    }

    /// The `refunded_cents` of each order, by id, as `id=cents`.
    func refundedCents() throws -> [String] {
        try fetchAll("SELECT id, refunded_cents FROM orders ORDER BY id") { row in
            "\(try row.string(0))=\(try row.int(1))"
        }
    }

    /// Writes a refund the way the original Python service does: its seven columns only, so `status` defaults.
    func insertLegacyRefund(id: String, orderID: String, amountCents: Int) throws {
        try execute(
            """
            INSERT INTO refund_log (id, order_id, stripe_refund_id, amount_cents, reason, refunded_by, created_at)
            VALUES (?, ?, ?, ?, 'requested_by_customer', 'support', '2026-11-27 16:21:52.929971')
            """,
            [id, orderID, "re_" + id, amountCents]
        )
    }
}
