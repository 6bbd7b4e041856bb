import DynamicJSON
import PaymentCore

/// A PaymentCore answer a tool returns: written as JSON with the design's snake_case keys, and rendered as text.
protocol ToolAnswer: AnswerJSON {
    /// A short rendering of the same facts, with customer-provided text fenced as data.
    var text: String { get }
}

extension ToolResult {
    /// Runs a PaymentCore operation and answers with its result; the one place answers become tool results.
    ///
    /// A `PaymentError` (a refusal, bad arguments, a missing Stripe key, or a Stripe failure in plain words)
    /// becomes a `ToolError`, which the engine answers as an `isError` result. Anything else propagates: the
    /// engine's input-required signal and `CancellationError` must reach it unchanged, and unexpected errors
    /// become a generic internal error with the details on stderr.
    static func answering<Answer: ToolAnswer>(_ operation: () async throws -> Answer) async throws -> ToolResult {
        let answer: Answer
        do {
            answer = try await operation()
        } catch let error as PaymentError {
            throw ToolError(error.message)
        }
        return .success(JSONText(answer: answer), text: answer.text)
    }
}
