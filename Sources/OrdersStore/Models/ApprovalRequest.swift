public import FoundationEssentials

/// What the second approver decided about a refund request.
public enum ApprovalDecision: String, Sendable, Codable, CaseIterable {
    /// The refund was approved and carried out (or attempted) by the approver.
    case approve
    /// The refund was rejected; nothing moved.
    case reject
}

/// A row of `refund_requests`: a confirmed refund above its currency's limit, waiting for a second approval.
public struct ApprovalRequest: Sendable, Hashable {
    /// The primary key, `rrq_…`; tools call it `approval_request_id`.
    public var id: String
    /// The order to refund.
    public var orderID: String
    /// The amount in the currency's smallest unit.
    public var amountCents: Int
    /// The order's currency.
    public var currency: String
    /// Stripe's reason code.
    public var reason: String
    /// Free text from the requester, for the journal.
    public var note: String?
    /// Who asked for the refund; never the one who approves it.
    public var requestedBy: String
    /// When it was requested.
    public var createdAt: Date
    /// After this the request can no longer be decided.
    public var expiresAt: Date
    /// Who decided it, nil while undecided.
    public var decidedBy: String?
    /// What was decided, nil while undecided.
    public var decision: ApprovalDecision?
    /// The decider's note.
    public var decisionNote: String?
    /// When it was decided, nil while undecided.
    public var decidedAt: Date?

    /// Creates a request; a new one is undecided.
    public init(
        id: String,
        orderID: String,
        amountCents: Int,
        currency: String,
        reason: String,
        note: String?,
        requestedBy: String,
        createdAt: Date,
        expiresAt: Date,
        decidedBy: String? = nil,
        decision: ApprovalDecision? = nil,
        decisionNote: String? = nil,
        decidedAt: Date? = nil
    ) {
        self.id = id
        self.orderID = orderID
        self.amountCents = amountCents
        self.currency = currency
        self.reason = reason
        self.note = note
        self.requestedBy = requestedBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.decidedBy = decidedBy
        self.decision = decision
        self.decisionNote = decisionNote
        self.decidedAt = decidedAt
    }
}
