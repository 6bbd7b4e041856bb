public import FoundationEssentials

extension RefundApproval {
    /// The SELECT list `init(postgres:)` reads.
    static let postgresColumns = """
        token, order_id, amount_cents, currency, reason, note, expires_at, used_at, outcome, refund_request_id
        """

    /// Decodes a row of `refund_approvals` by column name.
    init(postgres row: PostgresRow) throws {
        self.init(
            token: try row.string("token"),
            orderID: try row.string("order_id"),
            amountCents: try row.int("amount_cents"),
            currency: try row.string("currency"),
            reason: try row.string("reason"),
            note: try row.optionalString("note"),
            expiresAt: try row.date("expires_at"),
            usedAt: try row.optionalDate("used_at"),
            outcome: try row.optionalString("outcome"),
            refundRequestID: try row.optionalString("refund_request_id")
        )
    }
}

extension PostgresTransaction {
    /// Stores a preview's confirmation token; a duplicate token throws a unique-violation `PostgresError`.
    public func insertRefundApproval(_ approval: RefundApproval) throws {
        try execute(
            "INSERT INTO refund_approvals (\(RefundApproval.postgresColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            [
                approval.token, approval.orderID, approval.amountCents, approval.currency, approval.reason,
                approval.note, approval.expiresAt, approval.usedAt, approval.outcome, approval.refundRequestID,
            ]
        )
    }

    /// The approval with this token.
    public func refundApproval(token: String) throws -> RefundApproval? {
        try fetchOne(
            "SELECT \(RefundApproval.postgresColumns) FROM refund_approvals WHERE token = $1", [token],
            RefundApproval.init(postgres:))
    }

    /// Marks the token used; true only for the one call that used it.
    ///
    /// One conditional `UPDATE … RETURNING`: a second process racing with the same token waits for the first's row
    /// lock, then re-checks `used_at IS NULL` on the committed row and changes nothing. Expiry is the caller's rule
    /// and is not checked here.
    public func useRefundApproval(token: String, at: Date, outcome: String) throws -> Bool {
        try fetchOne(
            """
            UPDATE refund_approvals SET used_at = $1, outcome = $2 WHERE token = $3 AND used_at IS NULL
            RETURNING token
            """,
            [at, outcome, token]
        ) { _ in () } != nil
    }

    /// Marks every unused token of the order used, with the outcome `superseded`; returns how many it marked.
    ///
    /// Run in the transaction that journals a refund of the order: previews made before it described an order
    /// that no longer exists, and two previews of one refund must not make two refunds.
    @discardableResult
    public func supersedeRefundApprovals(orderID: String, at: Date) throws -> Int {
        try execute(
            "UPDATE refund_approvals SET used_at = $1, outcome = $2 WHERE order_id = $3 AND used_at IS NULL",
            [at, RefundApproval.supersededOutcome, orderID]
        )
    }
}
