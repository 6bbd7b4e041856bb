import DynamicJSON

/// One line read from the client, classified by its JSON-RPC shape.
enum IncomingMessage: Sendable, Equatable {
    /// A call that wants an answer.
    case request(id: RequestID, method: String, params: [String: JSONValue])
    /// A call that must never be answered.
    case notification(method: String, params: [String: JSONValue])
    /// The client's answer to one of the server's own requests.
    case response(id: RequestID, outcome: Result<JSONValue, RPCError>)
    /// Something that is not a valid message; `id` is the request's id when it could be read.
    case invalid(id: RequestID?, error: RPCError)

    /// Classifies a parsed line; never throws, every shape maps to a case.
    init(_ value: JSONValue) {
        guard case .object(let message) = value else {
            let reason =
                value.arrayValue != nil
                ? "batch requests are not supported; send one message per line"
                : "a message must be a JSON object"
            self = .invalid(id: nil, error: .invalidRequest(reason))
            return
        }
        let rawID = message["id"]
        let id = rawID.flatMap(RequestID.init)
        guard message["jsonrpc"] == "2.0" else {
            self = .invalid(id: id, error: .invalidRequest("\"jsonrpc\" must be \"2.0\""))
            return
        }
        if let rawID, id == nil {
            let reason = "\"id\" must be a string or an integer, not \(rawID.typeName)"
            self = .invalid(id: nil, error: .invalidRequest(reason))
            return
        }
        guard let rawMethod = message["method"] else {
            self = Self.classifyResponse(message, id: id)
            return
        }
        guard case .string(let method) = rawMethod else {
            self = .invalid(id: id, error: .invalidRequest("\"method\" must be a string"))
            return
        }
        let params: [String: JSONValue]
        switch message["params"] {
        case nil: params = [:]
        case .object(let object)?: params = object
        case let other?:
            let reason = "\"params\" must be an object, not \(other.typeName)"
            self = .invalid(id: id, error: .invalidRequest(reason))
            return
        }
        if let id {
            self = .request(id: id, method: method, params: params)
        } else {
            self = .notification(method: method, params: params)
        }
    }

    private static func classifyResponse(_ message: [String: JSONValue], id: RequestID?) -> IncomingMessage {
        guard let id else {
            return .invalid(id: nil, error: .invalidRequest("a message needs a \"method\" or an \"id\""))
        }
        if let result = message["result"] {
            return .response(id: id, outcome: .success(result))
        }
        if let error = message["error"]?.objectValue, let code = error["code"]?.intValue {
            let text = error["message"]?.stringValue ?? ""
            return .response(id: id, outcome: .failure(RPCError(code: code, message: text, data: error["data"])))
        }
        return .invalid(id: id, error: .invalidRequest("a message needs a \"method\", a \"result\" or an \"error\""))
    }
}

/// Builders for the messages the server writes.
enum OutgoingMessage {
    /// An error response; `id` is `null` when the request's id could not be read.
    static func error(id: RequestID?, _ error: RPCError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
    }

    /// A notification.
    static func notification(method: String, params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    /// A request from the server to the client.
    static func request(id: RequestID, method: String, params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params]
    }
}
