import DynamicJSON

/// What the fake does with one request: answer it, never answer it, or hang up.
public enum FakeReply: Sendable {
    /// Answers with this status, extra headers and body (`Content-Type: application/json` unless given).
    case respond(status: Int, headers: [(name: String, value: String)], body: String)
    /// Reads the request and never answers; the connection stays open until the client gives up.
    case hang
    /// Reads the request and closes the connection without a byte of answer.
    case dropConnection

    /// A JSON answer.
    public static func json(_ value: JSONValue, status: Int = 200, headers: [(name: String, value: String)] = [])
        -> FakeReply
    {
        .respond(status: status, headers: headers, body: value.text)
    }

    /// Stripe's error envelope: `{"error": {"type": …, "code": …, "message": …, …}}`.
    public static func stripeError(
        status: Int, type: String, code: String? = nil, message: String, param: String? = nil,
        declineCode: String? = nil, headers: [(name: String, value: String)] = []
    ) -> FakeReply {
        var error: JSONValue = ["type": .string(type), "message": .string(message)]
        error["code"] = code.map(JSONValue.string)
        error["param"] = param.map(JSONValue.string)
        error["decline_code"] = declineCode.map(JSONValue.string)
        if let code { error["doc_url"] = .string("https://stripe.com/docs/error-codes/\(code)") }
        return .json(["error": error], status: status, headers: headers)
    }

    /// Stripe's 404 for an id that does not exist.
    public static func resourceMissing(_ objectName: String, id: String, param: String = "id") -> FakeReply {
        .stripeError(
            status: 404, type: "invalid_request_error", code: "resource_missing",
            message: "No such \(objectName): '\(id)'", param: param)
    }

    /// A list page: `{"object": "list", "url": …, "has_more": …, "data": […]}`.
    public static func list(_ data: [JSONValue], url: String, hasMore: Bool = false) -> FakeReply {
        .json(["object": "list", "url": .string(url), "has_more": .bool(hasMore), "data": .array(data)])
    }
}
