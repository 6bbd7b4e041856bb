import DynamicJSON
import HTTPTypes
public import Hummingbird

/// A request the HTTP edge refuses before the engine sees it: a status, the headers that tell the client what to
/// do (`WWW-Authenticate`, `Retry-After`, `Allow`), and a JSON-RPC error body saying why in one sentence.
public struct HTTPProblem: HTTPResponseError, Equatable {
    /// The response status.
    public let status: HTTPResponse.Status
    /// The sentence the body's `error.message` holds.
    public let message: String
    /// Extra response headers.
    public let headers: HTTPFields

    /// Creates a refusal.
    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    /// The refusal as a response: `{"jsonrpc":"2.0","id":null,"error":{"code":…,"message":…}}`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let code = status == .badRequest ? -32600 : -32001
        let body: JSONValue = [
            "jsonrpc": "2.0", "id": .null, "error": ["code": .int(code), "message": .string(message)],
        ]
        var fields = headers
        fields[.contentType] = "application/json"
        let bytes = (try? JSONCodec.encode(body)) ?? []
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension HTTPProblem {
    /// 401: no usable token. `invalidToken` adds `error="invalid_token"` (a token was sent but refused).
    static func unauthorized(metadataURL: String, invalidToken: Bool) -> HTTPProblem {
        var challenge = "Bearer resource_metadata=\"\(metadataURL)\""
        if invalidToken { challenge += ", error=\"invalid_token\"" }
        let message = invalidToken ? "the access token is not valid" : "an access token is required"
        return HTTPProblem(.unauthorized, message, headers: [.wwwAuthenticate: challenge])
    }

    /// 403: the token lacks `scope`, so the client can ask for it (step-up authorization).
    static func insufficientScope(_ scope: OAuthScope, metadataURL: String) -> HTTPProblem {
        let challenge =
            "Bearer error=\"insufficient_scope\", scope=\"\(scope.rawValue)\", resource_metadata=\"\(metadataURL)\""
        return HTTPProblem(
            .forbidden, "this call needs the scope \(scope.rawValue)", headers: [.wwwAuthenticate: challenge])
    }

    /// 429, with the whole seconds to wait.
    static func tooManyRequests(retryAfter seconds: Int) -> HTTPProblem {
        HTTPProblem(
            .tooManyRequests, "too many requests; retry after \(seconds) s", headers: [.retryAfter: String(seconds)])
    }

    /// 413 for a body over the limit.
    static func contentTooLarge(limit: Int) -> HTTPProblem {
        HTTPProblem(.contentTooLarge, "the request body is larger than \(limit) bytes")
    }
}
