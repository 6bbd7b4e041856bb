public import FoundationEssentials

extension ApprovalRequest {
    /// The SELECT list `init(postgres:)` reads.
    static let postgresColumns = """
        id, order_id, amount_cents, currency, reason, note, requested_by, created_at, expires_at, decided_by, \
        decision, decision_note, decided_at
        """

    /// Decodes a row of `refund_requests` by column name.
    init(postgres row: PostgresRow) throws {
        let decision = try row.optionalString("decision").map { raw in
            guard let decision = ApprovalDecision(rawValue: raw) else {
                throw StoreError.invalidStoredValue(column: "decision")
            }
            return decision
        }
        self.init(
            id: try row.string("id"),
            orderID: try row.string("order_id"),
            amountCents: try row.int("amount_cents"),
            currency: try row.string("currency"),
            reason: try row.string("reason"),
            note: try row.optionalString("note"),
            requestedBy: try row.string("requested_by"),
            createdAt: try row.date("created_at"),
            expiresAt: try row.date("expires_at"),
            decidedBy: try row.optionalString("decided_by"),
            decision: decision,
            decisionNote: try row.optionalString("decision_note"),
            decidedAt: try row.optionalDate("decided_at")
        )
    }
}

extension PostgresTransaction {
    /// Stores a refund request waiting for a second approval; an unknown order throws a foreign-key `PostgresError`.
    public func insertApprovalRequest(_ request: ApprovalRequest) throws {
        try execute(
            """
            INSERT INTO refund_requests (\(ApprovalRequest.postgresColumns))
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """,
            [
                request.id, request.orderID, request.amountCents, request.currency, request.reason, request.note,
                request.requestedBy, request.createdAt, request.expiresAt, request.decidedBy,
                request.decision?.rawValue, request.decisionNote, request.decidedAt,
            ]
        )
    }

    /// The refund request with this id.
    public func approvalRequest(id: String) throws -> ApprovalRequest? {
        try fetchOne(
            "SELECT \(ApprovalRequest.postgresColumns) FROM refund_requests WHERE id = $1", [id],
            ApprovalRequest.init(postgres:))
    }

    /// The requests nobody has decided that have not expired at `now`, oldest first.
    public func pendingApprovalRequests(at now: Date) throws -> [ApprovalRequest] {
        try fetchAll(
            """
            SELECT \(ApprovalRequest.postgresColumns) FROM refund_requests
            WHERE decided_at IS NULL AND expires_at > $1 ORDER BY created_at, id
            """,
            [now], ApprovalRequest.init(postgres:))
    }

    /// Decides a request atomically: `true` for the one caller that found it undecided and unexpired.
    ///
    /// One conditional `UPDATE … RETURNING`: a second approver on another machine waits for the first's row lock,
    /// then re-checks `decided_at IS NULL` on the committed row and changes nothing.
    public func decideApprovalRequest(
        id: String, decision: ApprovalDecision, by decidedBy: String, note: String?, at now: Date
    ) throws -> Bool {
        try fetchOne(
            """
            UPDATE refund_requests SET decided_by = $1, decision = $2, decision_note = $3, decided_at = $4
            WHERE id = $5 AND decided_at IS NULL AND expires_at > $6
            RETURNING id
            """,
            [decidedBy, decision.rawValue, note, now, id, now]
        ) { _ in () } != nil
    }
}
