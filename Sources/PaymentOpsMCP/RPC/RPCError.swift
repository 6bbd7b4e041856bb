import DynamicJSON

/// A JSON-RPC error: a protocol fault answered in the response's `error` member.
///
/// Business refusals are not `RPCError`s; they are tool results with `isError: true`.
struct RPCError: Error, Equatable, Sendable {
    /// The JSON-RPC error code.
    let code: Int
    /// A short message for the client; never holds internal details or customer data.
    let message: String
    /// Optional structured facts for the client (`data` member).
    let data: JSONValue?

    /// Creates an error with an explicit code.
    init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// -32700: the line is not JSON.
    static func parseError(_ reason: String) -> RPCError {
        RPCError(code: -32700, message: "Parse error: \(reason)")
    }

    /// -32600: the message is not a valid JSON-RPC request.
    static func invalidRequest(_ reason: String) -> RPCError {
        RPCError(code: -32600, message: "Invalid Request: \(reason)")
    }

    /// -32601: no such method (in this era).
    static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: -32601, message: "Method not found: \(method)")
    }

    /// -32602: the params are wrong; `reason` says which and how.
    static func invalidParams(_ reason: String, data: JSONValue? = nil) -> RPCError {
        RPCError(code: -32602, message: "Invalid params: \(reason)", data: data)
    }

    /// -32603: something failed inside the server; details go to stderr only.
    static let internalError = RPCError(code: -32603, message: "Internal error")

    /// -32002: a resource that does not exist (handshake era).
    static func resourceNotFound(_ uri: String) -> RPCError {
        RPCError(code: -32002, message: "Resource not found", data: ["uri": .string(uri)])
    }

    /// -32022: the request's protocol version is not one this server speaks (2026-07-28 era).
    static func unsupportedProtocolVersion(requested: String, supported: [String]) -> RPCError {
        RPCError(
            code: -32022, message: "Unsupported protocol version: \(requested)",
            data: ["supported": .array(supported.map(JSONValue.string)), "requested": .string(requested)])
    }

    /// The error object as it appears in a response.
    var json: JSONValue {
        var object: [String: JSONValue] = ["code": .int(code), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}
