import DynamicJSON

@testable import PaymentOpsMCP

let objectOutput: JSONValue = ["type": "object", "additionalProperties": true]
let readOnly = ToolAnnotations(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)

/// Repeats a text: exercises every schema keyword the validator supports.
struct EchoTool: MCPTool {
    let name = "echo"
    let title = "Echo"
    let description = "Repeats the text."
    let inputSchema: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["text"],
        "properties": [
            "text": ["type": "string", "minLength": 1, "maxLength": 20],
            "times": ["type": "integer", "minimum": 1, "maximum": 3],
            "style": ["type": "string", "enum": ["plain", "loud"]],
            "code": ["type": "string", "pattern": "^[A-Z]{3}$"],
            "ratio": ["type": "number", "exclusiveMinimum": 0],
            "tags": ["type": "array", "items": ["type": "string"], "maxItems": 2],
            "options": [
                "type": "object", "additionalProperties": false, "properties": ["trim": ["type": "boolean"]],
            ],
        ],
    ]
    let outputSchema: JSONValue = [
        "type": "object", "required": ["text"], "properties": ["text": ["type": "string"]],
    ]
    let annotations = readOnly

    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        let text = arguments["text"]?.stringValue ?? ""
        let times = arguments["times"]?.intValue ?? 1
        let repeated = Array(repeating: text, count: times).joined(separator: " ")
        let shown = arguments["style"] == "loud" ? repeated.uppercased() : repeated
        return .success(try JSONText(["text": .string(shown)]), text: shown)
    }
}

/// Waits until the test opens its gate; tells the test when it has started.
struct SlowTool: MCPTool {
    let gate: Gate
    let started: AsyncStream<Void>.Continuation
    let name = "slow"
    let title = "Slow"
    let description = "Waits for the test."
    let inputSchema: JSONValue = ["type": "object", "additionalProperties": false, "properties": [:]]
    let outputSchema = objectOutput
    let annotations = readOnly

    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        started.yield()
        await gate.wait()
        try Task.checkCancellation()
        return .success(try JSONText(["done": true]), text: "done")
    }
}

/// Asks for approval, then "moves money" (counts) only on an explicit accept.
struct ApprovalTool: MCPTool {
    let refunds: Counter
    let name = "approve"
    let title = "Approve"
    let description = "Asks the human before acting."
    let inputSchema: JSONValue = [
        "type": "object", "additionalProperties": false, "required": ["amount_cents"],
        "properties": ["amount_cents": ["type": "integer", "minimum": 1]],
    ]
    let outputSchema = objectOutput
    let annotations = ToolAnnotations(
        readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true)

    static let schema: JSONValue = ["type": "object", "properties": ["approve": ["type": "boolean"]]]

    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        let amount = arguments["amount_cents"]?.intValue ?? 0
        let outcome = try await context.elicit(
            key: "approve_refund", message: "Refund \(amount) cents?", requestedSchema: Self.schema)
        let status: String
        switch outcome {
        case .accepted(let content):
            status = content["approve"] == true ? "refunded" : "declined"
            if status == "refunded" { refunds.increment() }
        case .declined: status = "declined"
        case .cancelled: status = "cancelled"
        case .unavailable: status = "preview"
        case .timedOut: status = "timed_out"
        }
        return .success(try JSONText(["status": .string(status)]), text: status)
    }
}

/// Reports progress and logs, then answers.
struct ProgressTool: MCPTool {
    let name = "progress"
    let title = "Progress"
    let description = "Reports progress."
    let inputSchema: JSONValue = ["type": "object", "additionalProperties": false, "properties": [:]]
    let outputSchema = objectOutput
    let annotations = readOnly

    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        context.reportProgress(1, total: 2, message: "half")
        context.log(.debug, "detail")
        context.log(.warning, "careful")
        context.reportProgress(2, total: 2)
        return .success(try JSONText([:]), text: "ok")
    }
}

/// Fails in the two ways a tool can: a refusal, or an unexpected error.
struct FailingTool: MCPTool {
    struct Broken: Error {}
    let name = "fail"
    let title = "Fail"
    let description = "Fails."
    let inputSchema: JSONValue = [
        "type": "object", "additionalProperties": false, "properties": ["refuse": ["type": "boolean"]],
    ]
    let outputSchema = objectOutput
    let annotations = readOnly

    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        if arguments["refuse"] == true { throw ToolError("The order is too old to refund.") }
        throw Broken()
    }
}
