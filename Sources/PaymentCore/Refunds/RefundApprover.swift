/// Asks a human to approve a refund, outside the model's reach: the MCP server plugs in elicitation here.
///
/// The refund gate calls the approver only with a refund that passed every policy check, and moves money only
/// when it answers `.approved`. Nothing is written before the approver is asked, so an approver may end the call
/// by throwing (the MCP server's 2026-07-28 era runs the whole call again once the human has answered).
public protocol RefundApprover: Sendable {
    /// Puts the refund in front of a human and reports their answer.
    /// - Throws: whatever ends the call instead of an answer (such as `CancellationError`); it propagates out of
    ///   `issueRefund` unchanged, with nothing written and no money moved.
    func approve(_ request: RefundApprovalRequest) async throws -> RefundApprovalOutcome
}

/// What the human answered, or why there was no answer.
public enum RefundApprovalOutcome: Sendable, Hashable {
    /// The human explicitly approved this refund.
    case approved
    /// The human declined the refund.
    case declined
    /// The human dismissed the request without choosing.
    case cancelled
    /// The client cannot ask (no elicitation support); the confirmation-token path applies.
    case unavailable
    /// No answer came in time; the confirmation-token path stays open.
    case timedOut
}

/// The facts of a refund put in front of the human who approves it.
public struct RefundApprovalRequest: Sendable, Hashable {
    /// The customer's email address.
    public var customerEmail: String
    /// The customer's name, as the orders database holds it (customer-provided text).
    public var customerName: String
    /// The internal order id.
    public var orderID: String
    /// The PaymentIntent to be refunded.
    public var paymentIntentID: String
    /// How much will be refunded.
    public var amount: Money
    /// Stripe's reason for the refund.
    public var reason: RefundReason
    /// Free text from the agent, for the journal (may quote the customer).
    public var note: String?
    /// Who asked for the refund, when the human gives it a second approval; `nil` for a first approval.
    public var requestedBy: String? = nil
}
