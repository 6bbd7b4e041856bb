public import FoundationEssentials

extension RefundApproval {
    /// The `outcome` of a token that another refund of its order made void before it was used.
    public static let supersededOutcome = "superseded"
}

extension RefundApproval: RowDecodable {
    static let columns = """
        token, order_id, amount_cents, currency, reason, note, expires_at, used_at, outcome, refund_request_id
        """

    enum Column: Int, RowColumns {
        case token, orderID, amountCents, currency, reason, note, expiresAt, usedAt, outcome, refundRequestID

        var name: String {
            switch self {
            case .token: "token"
            case .orderID: "order_id"
            case .amountCents: "amount_cents"
            case .currency: "currency"
            case .reason: "reason"
            case .note: "note"
            case .expiresAt: "expires_at"
            case .usedAt: "used_at"
            case .outcome: "outcome"
            case .refundRequestID: "refund_request_id"
            }
        }
    }

    init(row: Row) throws {
        let row = try row.columns(Column.self)
        self.init(
            token: try row.string(.token),
            orderID: try row.string(.orderID),
            amountCents: try row.int(.amountCents),
            currency: try row.string(.currency),
            reason: try row.string(.reason),
            note: row.optionalString(.note),
            expiresAt: try row.date(.expiresAt),
            usedAt: try row.optionalDate(.usedAt),
            outcome: row.optionalString(.outcome),
            refundRequestID: row.optionalString(.refundRequestID)
        )
    }
}

extension Database {
    /// Stores a preview's confirmation token; a duplicate token throws a unique-constraint `SQLiteError`.
    public func insertRefundApproval(_ approval: RefundApproval) throws {
        try execute(
            "INSERT INTO refund_approvals (\(RefundApproval.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                approval.token, approval.orderID, approval.amountCents, approval.currency, approval.reason,
                approval.note, approval.expiresAt, approval.usedAt, approval.outcome, approval.refundRequestID,
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
