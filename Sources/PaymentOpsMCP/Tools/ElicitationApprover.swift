import DynamicJSON
import PaymentCore

/// The refund gate's approver in the server: asks the human through MCP elicitation, out of the model's reach.
///
/// In the 2026-07-28 era the first `elicit` throws the engine's input-required signal; it propagates through
/// PaymentCore (which has written nothing yet) to the engine, which runs the whole call again with the answer.
struct ElicitationApprover: RefundApprover {
    /// The key naming the question in both eras.
    static let key = "approve_refund"

    /// The form: one yes/no field, so an accepted form still needs an explicit `true` to move money.
    static let requestedSchema: JSONValue = [
        "type": "object",
        "properties": [
            "approve": [
                "type": "boolean", "title": "Approve this refund",
                "description": "Check to refund the amount shown to the customer; leave unchecked to refund nothing.",
            ]
        ],
        "required": ["approve"],
    ]

    /// The tool call's way to the human.
    let context: ToolContext

    /// Asks the human; only an accepted form with `approve: true` approves.
    /// - Throws: `CancellationError` or the engine's input-required signal, unchanged.
    func approve(_ request: RefundApprovalRequest) async throws -> RefundApprovalOutcome {
        let outcome = try await context.elicit(
            key: Self.key, message: request.message, requestedSchema: Self.requestedSchema)
        switch outcome {
        case .accepted(let content): return content["approve"] == true ? .approved : .declined
        case .declined: return .declined
        case .cancelled: return .cancelled
        case .timedOut: return .timedOut
        case .unavailable: return .unavailable
        }
    }
}
