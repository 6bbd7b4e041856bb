public import DynamicJSON
import Synchronization

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

    /// Stripe's error envelope: `{"error": {"type": …, "code": …, "message": …, "request_log_url": …, …}}`,
    /// with the `Request-Id` header (one of `headers`, or a new one) that its `request_log_url` names.
    public static func stripeError(
        status: Int, type: String, code: String? = nil, message: String, param: String? = nil,
        declineCode: String? = nil, adviceCode: String? = nil, networkDeclineCode: String? = nil,
        headers: [(name: String, value: String)] = []
    ) -> FakeReply {
        var headers = headers
        let requestID: String
        if let given = headers.last(where: { $0.name.lowercased() == "request-id" })?.value {
            requestID = given
        } else {
            requestID = FakeRequestID.next()
            headers.append(("Request-Id", requestID))
        }
        var error: JSONValue = ["type": .string(type), "message": .string(message)]
        error["code"] = code.map(JSONValue.string)
        error["param"] = param.map(JSONValue.string)
        error["decline_code"] = declineCode.map(JSONValue.string)
        error["advice_code"] = adviceCode.map(JSONValue.string)
        error["network_decline_code"] = networkDeclineCode.map(JSONValue.string)
        if let code {
            let page = String(code.map { $0 == "_" ? "-" : $0 })
            error["doc_url"] = .string("https://stripe.com/docs/error-codes/\(page)")
        }
        error["request_log_url"] = .string("https://dashboard.stripe.com/test/logs/\(requestID)")
        return .json(["error": error], status: status, headers: headers)
    }

    /// Stripe's 500 for a failure of its own (`api_error`); `headers` such as `Stripe-Should-Retry: false`.
    public static func serverError(headers: [(name: String, value: String)] = []) -> FakeReply {
        stripeError(status: 500, type: "api_error", message: "An unknown error occurred", headers: headers)
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

/// The fake's `Request-Id`s (`req_fake1`, `req_fake2`, …), unique within the test process.
enum FakeRequestID {
    private static let counter = Atomic<Int>(0)

    /// A new request id.
    static func next() -> String {
        "req_fake\(counter.add(1, ordering: .relaxed).newValue)"
    }
}
