import FoundationEssentials

extension RefundApproval {
    /// The `outcome` of a token that another refund of its order made void before it was used.
    public static let supersededOutcome = "superseded"
}

extension RefundApproval: RowDecodable {
    static let columns = "token, order_id, amount_cents, currency, reason, note, expires_at, used_at, outcome"

    init(row: Row) throws {
        self.init(
            token: try row.string(0),
            orderID: try row.string(1),
            amountCents: try row.int(2),
            currency: try row.string(3),
            reason: try row.string(4),
            note: row.optionalString(5),
            expiresAt: try row.date(6),
            usedAt: try row.optionalDate(7),
            outcome: row.optionalString(8)
        )
    }
}

extension Database {
    /// Stores a preview's confirmation token; a duplicate token throws a unique-constraint `SQLiteError`.
    public func insertRefundApproval(_ approval: RefundApproval) throws {
        try execute(
            "INSERT INTO refund_approvals (\(RefundApproval.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                approval.token, approval.orderID, approval.amountCents, approval.currency, approval.reason,
                approval.note, approval.expiresAt, approval.usedAt, approval.outcome,
            ]
        )
    }

    /// The approval with this token.
    public func refundApproval(token: String) throws -> RefundApproval? {
        try fetchOne(RefundApproval.self, "FROM refund_approvals WHERE token = ?", [token])
    }

    /// Marks the token used; true only for the one call that used it.
    ///
    /// One conditional UPDATE, so two confirmations racing with one token (even from two processes) cannot
    /// both win. Expiry is the caller's rule and is not checked here.
    public func useRefundApproval(token: String, at: Date, outcome: String) throws -> Bool {
        try execute(
            "UPDATE refund_approvals SET used_at = ?, outcome = ? WHERE token = ? AND used_at IS NULL",
            [at, outcome, token]
        ) == 1
    }

    /// Marks every unused token of the order used, with the outcome `superseded`; returns how many it marked.
    ///
    /// Run in the transaction that journals a refund of the order: previews made before it described an order
    /// that no longer exists, and two previews of one refund must not make two refunds.
    @discardableResult
    public func supersedeRefundApprovals(orderID: String, at: Date) throws -> Int {
        try execute(
            "UPDATE refund_approvals SET used_at = ?, outcome = ? WHERE order_id = ? AND used_at IS NULL",
            [at, RefundApproval.supersededOutcome, orderID]
        )
    }
}
