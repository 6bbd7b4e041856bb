import DynamicJSON

/// How the human answered a request for input (MCP elicitation).
enum ElicitationOutcome: Sendable, Equatable {
    /// The human approved and filled in the form.
    case accepted([String: JSONValue])
    /// The human explicitly said no.
    case declined
    /// The human dismissed the question without choosing.
    case cancelled
    /// The client cannot ask (it did not declare `elicitation`); use the confirmation-token flow.
    case unavailable
    /// No answer arrived in time, or the client went away; nothing was decided.
    case timedOut

    /// Reads an `ElicitResult` (`{"action": "accept", "content": {...}}`); `nil` when malformed.
    init?(elicitResult value: JSONValue) {
        switch value["action"]?.stringValue {
        case "accept":
            switch value["content"] {
            case nil, .null?: self = .accepted([:])
            case .object(let fields)?: self = .accepted(fields)
            default: return nil
            }
        case "decline": self = .declined
        case "cancel": self = .cancelled
        default: return nil
        }
    }
}

/// A question for the human: a message and a flat form schema, under a key that names it.
struct ElicitationRequest: Sendable, Equatable {
    /// Names the question in `inputRequests`/`inputResponses` (2026-07-28 era), e.g. `approve_refund`.
    let key: String
    /// What the human is asked, with the facts they need to decide.
    let message: String
    /// JSON Schema of the form: an object of primitive properties.
    let requestedSchema: JSONValue

    /// The `elicitation/create` params; `mode` is left out for clients before 2025-11-25.
    func params(includeMode: Bool) -> JSONValue {
        var params: [String: JSONValue] = ["message": .string(message), "requestedSchema": requestedSchema]
        if includeMode { params["mode"] = "form" }
        return .object(params)
    }
}
