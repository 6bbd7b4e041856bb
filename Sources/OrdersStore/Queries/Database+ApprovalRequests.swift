public import FoundationEssentials

extension ApprovalRequest: RowDecodable {
    static let columns = """
        id, order_id, amount_cents, currency, reason, note, requested_by, created_at, expires_at, decided_by, \
        decision, decision_note, decided_at
        """

    enum Column: Int, RowColumns {
        case id, orderID, amountCents, currency, reason, note, requestedBy, createdAt, expiresAt, decidedBy
        case decision, decisionNote, decidedAt

        var name: String {
            switch self {
            case .id: "id"
            case .orderID: "order_id"
            case .amountCents: "amount_cents"
            case .currency: "currency"
            case .reason: "reason"
            case .note: "note"
            case .requestedBy: "requested_by"
            case .createdAt: "created_at"
            case .expiresAt: "expires_at"
            case .decidedBy: "decided_by"
            case .decision: "decision"
            case .decisionNote: "decision_note"
            case .decidedAt: "decided_at"
            }
        }
    }

    init(row: Row) throws {
        let row = try row.columns(Column.self)
        let decision = try row.optionalString(.decision).map { raw in
            guard let decision = ApprovalDecision(rawValue: raw) else {
                throw StoreError.invalidStoredValue(column: Column.decision.name)
            }
            return decision
        }
        self.init(
            id: try row.string(.id),
            orderID: try row.string(.orderID),
            amountCents: try row.int(.amountCents),
            currency: try row.string(.currency),
            reason: try row.string(.reason),
            note: row.optionalString(.note),
            requestedBy: try row.string(.requestedBy),
            createdAt: try row.date(.createdAt),
            expiresAt: try row.date(.expiresAt),
            decidedBy: row.optionalString(.decidedBy),
            decision: decision,
            decisionNote: row.optionalString(.decisionNote),
            decidedAt: try row.optionalDate(.decidedAt)
        )
    }
}

extension Database {
    /// Stores a refund request waiting for a second approval; an unknown order throws a foreign-key `SQLiteError`.
    public func insertApprovalRequest(_ request: ApprovalRequest) throws {
        try execute(
            "INSERT INTO refund_requests (\(ApprovalRequest.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                request.id, request.orderID, request.amountCents, request.currency, request.reason, request.note,
                request.requestedBy, request.createdAt, request.expiresAt, request.decidedBy,
                request.decision?.rawValue, request.decisionNote, request.decidedAt,
            ]
        )
    }

    /// The refund request with this id.
    public func approvalRequest(id: String) throws -> ApprovalRequest? {
        try fetchOne(ApprovalRequest.self, "FROM refund_requests WHERE id = ?", [id])
    }

    /// The requests nobody has decided that have not expired at `now`, oldest first.
    public func pendingApprovalRequests(at now: Date) throws -> [ApprovalRequest] {
        try fetchAll(
            ApprovalRequest.self,
            "FROM refund_requests WHERE decided_at IS NULL AND expires_at > ? ORDER BY created_at, id", [now])
    }

    /// Decides a request atomically: `true` for the one caller that found it undecided and unexpired.
    ///
    /// One conditional UPDATE, so two approvers deciding one request at once (even from two processes) cannot
    /// both win.
    public func decideApprovalRequest(
        id: String, decision: ApprovalDecision, by decidedBy: String, note: String?, at now: Date
    ) throws -> Bool {
        try execute(
            """
            UPDATE refund_requests SET decided_by = ?, decision = ?, decision_note = ?, decided_at = ?
            WHERE id = ? AND decided_at IS NULL AND expires_at > ?
            """,
            [decidedBy, decision.rawValue, note, now, id, now]
        ) == 1
    }
}
