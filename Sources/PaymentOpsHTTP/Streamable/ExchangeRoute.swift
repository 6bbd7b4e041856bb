import DynamicJSON
import PaymentOpsMCP

/// What the engine says during one POSTed request: its own messages (elicitation, progress, log lines), then the
/// response (`nil` when the client cancelled the request).
enum ExchangeEvent: Sendable {
    /// A server-to-client request or notification caused by this request.
    case message(JSONValue)
    /// The final response.
    case response(Response?)
}

/// Routes each engine's outbound messages to the request that caused them.
///
/// The engine calls `outbound` from within the task of the request it is working on, and that task inherits task-local
/// values from the `receive` call that started it; so binding `current` around `receive` is all the routing needs,
/// and the engine stays unaware of HTTP.
enum ExchangeRoute {
    /// The stream of the request being received, in the tasks working on it.
    @TaskLocal static var current: AsyncStream<ExchangeEvent>.Continuation?

    /// The engines' `outbound`: to the current request's stream; a message with no request to carry it (none
    /// exists today) is dropped, as Streamable HTTP offers no other channel here.
    @Sendable static func send(_ message: JSONValue) {
        current?.yield(.message(message))
    }
}

/// Reads one request's events: first in the handler (to choose JSON or SSE), then in the SSE body writer.
///
/// `@unchecked Sendable`: the iterator is used by one task at a time — the handler reads the first event, and only
/// after it returns the response does the body writer read the rest.
final class ExchangeCursor: @unchecked Sendable {
    private var iterator: AsyncStream<ExchangeEvent>.AsyncIterator

    /// Wraps a stream's iterator.
    init(_ events: AsyncStream<ExchangeEvent>) {
        iterator = events.makeAsyncIterator()
    }

    /// The next event, or `nil` after the response.
    func next() async -> ExchangeEvent? {
        await iterator.next()
    }
}
