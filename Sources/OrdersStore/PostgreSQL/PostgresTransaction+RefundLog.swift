public import FoundationEssentials

extension RefundLogEntry {
    /// The SELECT list `init(postgres:)` reads. Rows the legacy service writes after migration carry no currency;
    /// their order's currency fills it in.
    static let postgresColumns = """
        id, order_id, stripe_refund_id, amount_cents, \
        COALESCE(currency, (SELECT orders.currency FROM orders WHERE orders.id = refund_log.order_id), 'usd') \
        AS currency, \
        reason, note, refunded_by, status, idempotency_key, approved_via, approved_by, error, created_at, completed_at
        """

    /// Decodes a row of `refund_log` by column name.
    init(postgres row: PostgresRow) throws {
        self.init(
            id: try row.string("id"),
            orderID: try row.string("order_id"),
            stripeRefundID: try row.optionalString("stripe_refund_id"),
            amountCents: try row.int("amount_cents"),
            currency: try row.string("currency"),
            reason: try row.optionalString("reason"),
            note: try row.optionalString("note"),
            refundedBy: try row.optionalString("refunded_by"),
            status: try row.value("status", as: RefundLogStatus.self),
            idempotencyKey: try row.optionalString("idempotency_key"),
            approvedVia: try row.optionalString("approved_via"),
            approvedBy: try row.optionalString("approved_by"),
            error: try row.optionalString("error"),
            createdAt: try row.date("created_at"),
            completedAt: try row.optionalDate("completed_at")
        )
    }
}

extension PostgresTransaction {
    /// Journals a refund; normally `pending` with an idempotency key, before Stripe is called.
    ///
    /// A reused idempotency key or id throws a unique-violation `PostgresError`; an unknown order a foreign-key one.
    public func insertRefundLogEntry(_ entry: RefundLogEntry) throws {
        try execute(
            """
            INSERT INTO refund_log (id, order_id, stripe_refund_id, amount_cents, currency, reason, note, refunded_by,
              status, idempotency_key, approved_via, approved_by, error, created_at, completed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """,
            [
                entry.id, entry.orderID, entry.stripeRefundID, entry.amountCents, entry.currency, entry.reason,
                entry.note, entry.refundedBy, entry.status.rawValue, entry.idempotencyKey, entry.approvedVia,
                entry.approvedBy, entry.error, entry.createdAt, entry.completedAt,
            ]
        )
    }

    /// The journal entry with this id; in a write transaction its row is locked (`FOR UPDATE`) until the end, so
    /// that a settle or fail decided on what it says cannot race another process doing the same.
    public func refundLogEntry(id: String) throws -> RefundLogEntry? {
        try fetchOne(
            "SELECT \(RefundLogEntry.postgresColumns) FROM refund_log WHERE id = $1\(lockingClause)", [id],
            RefundLogEntry.init(postgres:))
    }

    /// An order's journal entries, oldest first.
    public func refundLogEntries(orderID: String) throws -> [RefundLogEntry] {
        try fetchAll(
            "SELECT \(RefundLogEntry.postgresColumns) FROM refund_log WHERE order_id = $1 ORDER BY created_at, id",
            [orderID], RefundLogEntry.init(postgres:))
    }

    /// Records that Stripe made the refund. Update the order's status in the same `write`.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no entry has that id.
    public func settleRefund(id: String, stripeRefundID: String, completedAt: Date) throws {
        try updateRefund(
            """
            UPDATE refund_log SET status = 'succeeded', stripe_refund_id = $1, error = NULL, completed_at = $2
            WHERE id = $3
            """,
            [stripeRefundID, completedAt, id]
        )
    }

    /// Records that Stripe certainly did not make the refund, and why.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no entry has that id.
    public func failRefund(id: String, error: String, completedAt: Date) throws {
        try updateRefund(
            "UPDATE refund_log SET status = 'failed', error = $1, completed_at = $2 WHERE id = $3",
            [error, completedAt, id]
        )
    }

    /// Records Stripe's id for a refund Stripe accepted but has not finished (`pending`, `requires_action`).
    ///
    /// The entry stays `pending`, counting against what remains refundable, until reconciliation settles it.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no entry has that id.
    public func recordStripeRefundID(_ stripeRefundID: String, id: String) throws {
        try updateRefund("UPDATE refund_log SET stripe_refund_id = $1 WHERE id = $2", [stripeRefundID, id])
    }

    /// Every refund whose outcome is not known yet, oldest first (what reconciliation works through).
    ///
    /// In a write transaction the rows are locked with `FOR UPDATE SKIP LOCKED`: rows another process is settling
    /// right now are left out instead of waited for, so reconciliation runs can overlap.
    public func pendingRefunds() throws -> [RefundLogEntry] {
        let locking = kind == .write ? " FOR UPDATE SKIP LOCKED" : ""
        return try fetchAll(
            """
            SELECT \(RefundLogEntry.postgresColumns) FROM refund_log WHERE status = 'pending'
            ORDER BY created_at, id\(locking)
            """,
            [], RefundLogEntry.init(postgres:))
    }

    /// The succeeded and pending sums of an order's refunds, and the pending part Stripe has accepted.
    ///
    /// In a write transaction the order's row is locked first (`SELECT … FOR UPDATE`) and held to the end: a second
    /// process computing what remains refundable of the same order waits, then sums the journal as the first left
    /// it, so two refunds that together exceed the order cannot both be journalled. The sums are a statement of
    /// their own, after the lock, so that they see what the first process committed.
    public func refundTotals(orderID: String) throws -> RefundTotals {
        if kind == .write {
            _ = try fetchOne("SELECT id FROM orders WHERE id = $1 FOR UPDATE", [orderID]) { _ in () }
        }
        let totals = try fetchOne(
            """
            SELECT COALESCE(SUM(amount_cents) FILTER (WHERE status = 'succeeded'), 0) AS succeeded_cents,
              COALESCE(SUM(amount_cents) FILTER (WHERE status = 'pending'), 0) AS pending_cents,
              COALESCE(SUM(amount_cents) FILTER (WHERE status = 'pending' AND stripe_refund_id IS NOT NULL), 0)
                AS pending_at_stripe_cents
            FROM refund_log WHERE order_id = $1
            """,
            [orderID]
        ) { row in
            RefundTotals(
                succeededCents: try row.int("succeeded_cents"), pendingCents: try row.int("pending_cents"),
                pendingAtStripeCents: try row.int("pending_at_stripe_cents"))
        }
        return totals ?? .zero
    }

    /// Runs an UPDATE of one journal entry; `.rowNotFound` when it changed no row.
    private func updateRefund(_ sql: String, _ arguments: [any SQLBindable]) throws {
        guard try execute(sql, arguments) == 1 else { throw StoreError.rowNotFound(table: "refund_log") }
    }
}
