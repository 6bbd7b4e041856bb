import DynamicJSON

/// A JSON-RPC request id: a string or an integer, echoed back with its exact type.
enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case int(Int)

    /// Reads an id from JSON; `nil` for `null`, fractions, booleans and other shapes MCP forbids.
    init?(_ value: JSONValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        default: return nil
        }
    }

    /// The id as JSON, with the type the client chose.
    var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        }
    }

    /// The id as the client wrote it, for log lines.
    var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .int(let number): String(number)
        }
    }
}
