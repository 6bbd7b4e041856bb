import OrdersStore

/// What the second approver decides about a refund request.
public enum RefundDecision: String, Sendable, Hashable, CaseIterable {
    /// Make the refund (after the approver's own human approved it).
    case approve
    /// Refuse it; nothing moves.
    case reject
}

/// The arguments of `approve_refund` when it decides one request.
public struct RefundDecisionRequest: Sendable, Hashable {
    /// The request to decide (`rrq_…`).
    public var approvalRequestID: String
    /// Approve or reject.
    public var decision: RefundDecision
    /// Free text from the approver, kept with the decision.
    public var note: String?
    /// Whether the caller asks for the approval to be carried out rather than previewed (approve only).
    public var confirmed: Bool
    /// The token of the preview of this approval (approve only).
    public var confirmationToken: String?

    /// Creates a decision; the default is a preview of an approval.
    public init(
        approvalRequestID: String, decision: RefundDecision, note: String? = nil, confirmed: Bool = false,
        confirmationToken: String? = nil
    ) {
        self.approvalRequestID = approvalRequestID
        self.decision = decision
        self.note = note
        self.confirmed = confirmed
        self.confirmationToken = confirmationToken
    }
}

/// The second approval a refund carries out: the request it decides, who approves, and their note.
struct SecondApprovalGrant: Sendable {
    /// The request being approved.
    var request: ApprovalRequest
    /// Who approves; never the requester.
    var approver: String
    /// The approver's note, kept with the decision.
    var note: String?
}
