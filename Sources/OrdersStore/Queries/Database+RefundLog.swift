public import FoundationEssentials

extension RefundLogEntry: RowDecodable {
    /// Rows the legacy service writes after migration carry no currency; their order's currency fills it in.
    static let columns = """
        id, order_id, stripe_refund_id, amount_cents, \
        COALESCE(currency, (SELECT orders.currency FROM orders WHERE orders.id = refund_log.order_id), 'usd') \
        AS currency, \
        reason, note, refunded_by, status, idempotency_key, approved_via, approved_by, error, created_at, completed_at
        """

    enum Column: Int, RowColumns {
        case id, orderID, stripeRefundID, amountCents, currency, reason, note, refundedBy, status, idempotencyKey
        case approvedVia, approvedBy, error, createdAt, completedAt

        var name: String {
            switch self {
            case .id: "id"
            case .orderID: "order_id"
            case .stripeRefundID: "stripe_refund_id"
            case .amountCents: "amount_cents"
            case .currency: "currency"
            case .reason: "reason"
            case .note: "note"
            case .refundedBy: "refunded_by"
            case .status: "status"
            case .idempotencyKey: "idempotency_key"
            case .approvedVia: "approved_via"
            case .approvedBy: "approved_by"
            case .error: "error"
            case .createdAt: "created_at"
            case .completedAt: "completed_at"
            }
        }
    }

    init(row: Row) throws {
        let row = try row.columns(Column.self)
        self.init(
            id: try row.string(.id),
            orderID: try row.string(.orderID),
            stripeRefundID: row.optionalString(.stripeRefundID),
            amountCents: try row.int(.amountCents),
            currency: try row.string(.currency),
            reason: row.optionalString(.reason),
            note: row.optionalString(.note),
            refundedBy: row.optionalString(.refundedBy),
            status: try row.value(.status, as: RefundLogStatus.self),
            idempotencyKey: row.optionalString(.idempotencyKey),
            approvedVia: row.optionalString(.approvedVia),
            approvedBy: row.optionalString(.approvedBy),
            error: row.optionalString(.error),
            createdAt: try row.date(.createdAt),
            completedAt: try row.optionalDate(.completedAt)
        )
    }
}

extension Database {
    /// Journals a refund; normally `pending` with an idempotency key, before Stripe is called.
    ///
    /// A reused idempotency key or id throws a unique-constraint `SQLiteError`; an unknown order a foreign-key one.
    /// `approved_by` (schema version 7) is named only for a refund with a second approver, so journal rows of
    /// every other refund are written as the earlier schema versions took them.
    public func insertRefundLogEntry(_ entry: RefundLogEntry) throws {
        let approver = entry.approvedBy.map { (column: ", approved_by", value: [$0] as [any SQLBindable]) }
        try execute(
            """
            INSERT INTO refund_log (id, order_id, stripe_refund_id, amount_cents, currency, reason, note, refunded_by,
              status, idempotency_key, approved_via, error, created_at, completed_at\(approver?.column ?? ""))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?\(approver == nil ? "" : ", ?"))
            """,
            [
                entry.id, entry.orderID, entry.stripeRefundID, entry.amountCents, entry.currency, entry.reason,
                entry.note, entry.refundedBy, entry.status.rawValue, entry.idempotencyKey, entry.approvedVia,
                entry.error, entry.createdAt, entry.completedAt,
            ] + (approver?.value ?? [])
        )
    }

    /// The journal entry with this id.
    public func refundLogEntry(id: String) throws -> RefundLogEntry? {
        try fetchOne(RefundLogEntry.self, "FROM refund_log WHERE id = ?", [id])
    }

    /// An order's journal entries, oldest first.
    public func refundLogEntries(orderID: String) throws -> [RefundLogEntry] {
        try fetchAll(RefundLogEntry.self, "FROM refund_log WHERE order_id = ? ORDER BY created_at, id", [orderID])
    }

    /// Records that Stripe made the refund. Update the order's status in the same `write`.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no entry has that id.
    public func settleRefund(id: String, stripeRefundID: String, completedAt: Date) throws {
        try updateRefund(
            "UPDATE refund_log SET status = 'succeeded', stripe_refund_id = ?, error = NULL, completed_at = ? WHERE id = ?",
            [stripeRefundID, completedAt, id]
        )
    }

    /// Records that Stripe certainly did not make the refund, and why.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no entry has that id.
    public func failRefund(id: String, error: String, completedAt: Date) throws {
        try updateRefund(
            "UPDATE refund_log SET status = 'failed', error = ?, completed_at = ? WHERE id = ?",
            [error, completedAt, id]
        )
    }

    /// Records Stripe's id for a refund Stripe accepted but has not finished (`pending`, `requires_action`).
    ///
    /// The entry stays `pending`, counting against what remains refundable, until reconciliation settles it.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no entry has that id.
    public func recordStripeRefundID(_ stripeRefundID: String, id: String) throws {
        try updateRefund("UPDATE refund_log SET stripe_refund_id = ? WHERE id = ?", [stripeRefundID, id])
    }

    /// Every refund whose outcome is not known yet, oldest first (what reconciliation works through).
    public func pendingRefunds() throws -> [RefundLogEntry] {
        try fetchAll(RefundLogEntry.self, "FROM refund_log WHERE status = 'pending' ORDER BY created_at, id")
    }

    /// The succeeded and pending sums of an order's refunds, and the pending part Stripe has accepted.
    public func refundTotals(orderID: String) throws -> RefundTotals {
        let totals = try fetchOne(
            """
            SELECT COALESCE(SUM(CASE WHEN status = 'succeeded' THEN amount_cents END), 0) AS succeeded,
              COALESCE(SUM(CASE WHEN status = 'pending' THEN amount_cents END), 0) AS pending,
              COALESCE(SUM(CASE WHEN status = 'pending' AND stripe_refund_id IS NOT NULL THEN amount_cents END), 0)
                AS pending_at_stripe
            FROM refund_log WHERE order_id = ?
            """,
            [orderID]
        ) { row in
            RefundTotals(
                succeededCents: try row.int("succeeded"), pendingCents: try row.int("pending"),
                pendingAtStripeCents: try row.int("pending_at_stripe"))
        }
        return totals ?? .zero
    }

    /// Runs an UPDATE of one journal entry; `.rowNotFound` when it changed no row.
    private func updateRefund(_ sql: String, _ arguments: [any SQLBindable]) throws {
        guard try execute(sql, arguments) == 1 else { throw StoreError.rowNotFound(table: "refund_log") }
    }
}
