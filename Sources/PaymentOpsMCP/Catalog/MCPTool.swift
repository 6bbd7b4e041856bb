import DynamicJSON

/// One MCP tool: its name, schemas, annotations and handler. Adding a tool is adding one type
/// that conforms, and registering an instance in the `Catalog`.
///
/// The engine validates `arguments` against `inputSchema` before `call` runs, so handlers can
/// read them with the strict accessors of `JSONValue` (integral numbers arrive as `.int`).
///
/// Approval: a handler asks the human with `context.elicit(...)`. In the 2026-07-28 era a
/// handler that elicits is run again from the start when the client answers (see `ToolContext`),
/// so everything a handler does before its last `elicit` must be free of side effects and
/// must reach the same question for the same arguments.
protocol MCPTool: Sendable {
    /// Unique name, matching `^[a-zA-Z0-9_-]{1,64}$`.
    var name: String { get }
    /// Human-readable title.
    var title: String { get }
    /// What the tool does and when to use it, for the model.
    var description: String { get }
    /// JSON Schema of the arguments: `type: object`, `additionalProperties: false`, no top-level combinators.
    var inputSchema: JSONValue { get }
    /// JSON Schema (`type: object`) of `structuredContent` in successful results.
    var outputSchema: JSONValue { get }
    /// Behaviour hints for clients.
    var annotations: ToolAnnotations { get }

    /// Runs the tool.
    /// - Throws: `ToolError` for a refusal the model should read (becomes an `isError` result),
    ///   `RPCError` for a protocol fault, `CancellationError` when cancelled; anything else
    ///   answers a generic internal error and is logged on stderr.
    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult
}

/// MCP tool annotations: hints, not guarantees.
struct ToolAnnotations: Sendable, Equatable {
    /// The tool changes nothing.
    var readOnlyHint: Bool
    /// The tool may destroy or irreversibly change something (refunds).
    var destructiveHint: Bool
    /// Calling again with the same arguments has no further effect.
    var idempotentHint: Bool
    /// The tool reaches outside this server's own data (Stripe).
    var openWorldHint: Bool

    /// Creates annotations; every hint must be stated.
    init(readOnlyHint: Bool, destructiveHint: Bool, idempotentHint: Bool, openWorldHint: Bool) {
        self.readOnlyHint = readOnlyHint
        self.destructiveHint = destructiveHint
        self.idempotentHint = idempotentHint
        self.openWorldHint = openWorldHint
    }

    /// The annotations as they appear in `tools/list`.
    var json: JSONValue {
        [
            "readOnlyHint": .bool(readOnlyHint), "destructiveHint": .bool(destructiveHint),
            "idempotentHint": .bool(idempotentHint), "openWorldHint": .bool(openWorldHint),
        ]
    }
}

/// What a tool answers: structured content plus one text block, or an error the model reads.
struct ToolResult: Sendable, Equatable {
    /// The structured answer, a JSON object conforming to the tool's `outputSchema`; `nil` for errors.
    let structuredContent: JSONText?
    /// The text rendering of the same facts, or the error message.
    let text: String
    /// Whether this is a refusal or a failure the model should act on.
    let isError: Bool

    /// A successful result.
    static func success(_ structuredContent: JSONText, text: String) -> ToolResult {
        assert(structuredContent.bytes.first == UInt8(ascii: "{"), "structured content must be a JSON object")
        return ToolResult(structuredContent: structuredContent, text: text, isError: false)
    }

    /// An `isError` result whose message says what went wrong and what to do next.
    static func error(_ message: String) -> ToolResult {
        ToolResult(structuredContent: nil, text: message, isError: true)
    }

    /// The result as it appears in a `tools/call` response.
    var methodResult: MethodResult {
        var fields: [String: JSONValue] = ["content": [["type": "text", "text": .string(text)]]]
        if isError { fields["isError"] = true }
        return MethodResult(fields, written: structuredContent.map { ["structuredContent": $0] } ?? [:])
    }
}

/// A refusal thrown by a tool handler; the engine answers it as an `isError` result.
struct ToolError: Error, Equatable, Sendable {
    /// The message for the model: what went wrong and what to do next.
    let message: String

    /// Creates a refusal with its user-facing message.
    init(_ message: String) { self.message = message }
}
