import DynamicJSON
import Synchronization

/// What a tool handler may ask of the engine while it runs: approval, progress and logging.
///
/// One handler works in both protocol eras. In the handshake era `elicit` sends
/// `elicitation/create` to the client and waits (up to the server's elicitation timeout). In the
/// 2026-07-28 era it returns the answer the client sent with its retry; when there is none yet it
/// throws an internal signal that ends this run, and the engine answers `input_required`. The
/// retry runs the handler again from the start, so code before the last `elicit` must be
/// deterministic and free of side effects. Handlers must let errors thrown by `elicit` propagate.
struct ToolContext: Sendable {
    /// The protocol version this request is served under.
    let protocolVersion: String
    /// How questions reach the human in this request.
    let elicitation: ElicitationChannel
    /// Sends a notification to the client.
    let notify: @Sendable (_ method: String, _ params: JSONValue) -> Void
    /// The client's `_meta.progressToken`, when it wants progress.
    let progressToken: JSONValue?
    /// Client-visible log messages at or above this level are sent; `nil` sends none.
    let clientLogLevel: LogLevel?
    /// Who called, when the transport authenticated them (HTTP): the actor for the journal; `nil` on stdio, where
    /// the configured `PAYMENT_OPS_ACTOR` speaks.
    var principal: RequestPrincipal? = nil

    /// Whether `elicit` can reach a human; when `false` use the confirmation-token flow.
    var canElicit: Bool {
        if case .unavailable = elicitation { return false }
        return true
    }

    /// Asks the human a question and returns their answer.
    /// - Parameters:
    ///   - key: Names the question; unique within one tool call (e.g. `approve_refund`).
    ///   - message: The question with the facts needed to decide.
    ///   - requestedSchema: A flat JSON Schema object for the answer form.
    /// - Throws: `CancellationError` when the call is cancelled, or the engine's input-required
    ///   signal (2026-07-28 era), which the handler must not catch.
    func elicit(key: String, message: String, requestedSchema: JSONValue) async throws -> ElicitationOutcome {
        let request = ElicitationRequest(key: key, message: message, requestedSchema: requestedSchema)
        switch elicitation {
        case .unavailable:
            return .unavailable
        case .clientRequest(let ask):
            return try await ask(request)
        case .inputResponses(let exchange):
            return try exchange.answer(for: request)
        }
    }

    /// Reports progress when the client asked for it (`_meta.progressToken`); otherwise does nothing.
    /// - Parameters:
    ///   - progress: Work done so far; must increase with every call.
    ///   - total: The total, when known.
    ///   - message: A short human-readable status.
    func reportProgress(_ progress: Double, total: Double? = nil, message: String? = nil) {
        guard let progressToken else { return }
        var params: [String: JSONValue] = ["progressToken": progressToken, "progress": .double(progress)]
        if let total { params["total"] = .double(total) }
        if let message { params["message"] = .string(message) }
        notify("notifications/progress", .object(params))
    }

    /// Sends a log message to the client when its level is at or above the client's chosen level.
    /// Never pass secrets or customer data.
    func log(_ level: LogLevel, _ message: String) {
        guard let clientLogLevel, level >= clientLogLevel else { return }
        let params: JSONValue = ["level": .string(level.name), "logger": "payment-ops", "data": .string(message)]
        notify("notifications/message", params)
    }
}

/// How `ToolContext.elicit` reaches the human.
enum ElicitationChannel: Sendable {
    /// The client did not declare elicitation.
    case unavailable
    /// Handshake era: send `elicitation/create` and await the client's response.
    case clientRequest(@Sendable (ElicitationRequest) async throws -> ElicitationOutcome)
    /// 2026-07-28 era: answers come with the retried request.
    case inputResponses(InputExchange)
}

/// The 2026-07-28 exchange for one run of a tool: the answers already given, and the
/// questions this run asked that have no answer yet.
final class InputExchange: Sendable {
    /// Answers from earlier rounds and this retry, by question key, each with the question it answered.
    let answers: [String: AnsweredQuestion]
    private let unanswered = Mutex<[ElicitationRequest]>([])

    /// Creates an exchange holding the answers known so far.
    init(answers: [String: AnsweredQuestion]) {
        self.answers = answers
    }

    /// The questions asked in this run that still need an answer.
    var pendingRequests: [ElicitationRequest] {
        unanswered.withLock { $0 }
    }

    /// Returns the answer given to exactly this question, or records the question and throws
    /// `InputRequiredSignal`. An answer to a question with the same key but other words (another amount,
    /// another order) does not count: the human never saw this one.
    func answer(for request: ElicitationRequest) throws -> ElicitationOutcome {
        if let answered = answers[request.key], answered.request == request { return answered.outcome }
        unanswered.withLock { $0.append(request) }
        throw InputRequiredSignal()
    }
}

/// A human's answer together with the question they were shown.
struct AnsweredQuestion: Sendable, Equatable {
    /// The question as it was asked.
    let request: ElicitationRequest
    /// What the human answered.
    let outcome: ElicitationOutcome
}

/// Thrown by `elicit` in the 2026-07-28 era to end a run whose question has no answer yet.
struct InputRequiredSignal: Error {}
