import DynamicJSON
import HTTPTypes
import Hummingbird
import NIOCore
import PaymentOpsMCP

/// The Streamable HTTP endpoint: authenticates every request, applies the rate limit, the protocol-version and
/// session rules and the scopes, then hands the message to the right engine and returns its answer as JSON, as an
/// SSE stream (when the engine speaks before it answers), or 202.
struct MCPEndpoint: Sendable {
    /// `Mcp-Session-Id`.
    static let sessionHeader = HTTPField.Name("Mcp-Session-Id")!
    /// `MCP-Protocol-Version`.
    static let versionHeader = HTTPField.Name("MCP-Protocol-Version")!
    /// The version a request without `MCP-Protocol-Version` is taken to speak (the transport's first revision).
    static let assumedVersion = "2025-03-26"

    let settings: HTTPSettings
    let verifier: TokenVerifier
    let limiter: RateLimiter
    let sessions: SessionTable
    let policy: ScopePolicy
    let logger: PaymentOpsMCP.Logger

    // MARK: - Methods

    /// `POST`: one JSON-RPC message.
    func post(_ request: Request, context: MCPRequestContext) async throws -> Response {
        let token = try await admit(request)
        let version = try protocolVersion(of: request)
        let body = try await readBody(request)
        guard let message = MessageSummary(body.readableBytesView) else {
            throw HTTPProblem(.badRequest, "the body must be one JSON-RPC 2.0 message")
        }
        if let needed = policy.scope(for: message), !token.scopes.contains(needed) {
            logger.log(.info, "\(token.actor): \(message.requestMethod ?? "?") refused, needs \(needed.rawValue)")
            throw HTTPProblem.insufficientScope(needed, metadataURL: settings.publicURL.metadataURL)
        }
        let principal = token.principal(policy: policy)
        let bytes = body.readableBytesView
        let sessionID = request.headers[Self.sessionHeader]
        let engine: Server
        if message.isStateless || (message.requestMethod == "server/discover" && sessionID == nil) {
            // server/discover is a probe sent before the client knows the era; it needs no session.
            engine = await sessions.statelessEngine(for: token.subject)
        } else if message.requestMethod == "initialize" {
            return await initialize(bytes, subject: token.subject, principal: principal)
        } else if let sessionID {
            guard let found = await sessions.engine(session: sessionID, subject: token.subject) else {
                throw HTTPProblem(.notFound, "no such session; send initialize to start a new one")
            }
            if let version, version != found.protocolVersion {
                throw HTTPProblem(
                    .badRequest,
                    "MCP-Protocol-Version \(version) is not \(found.protocolVersion), the version this session "
                        + "negotiated")
            }
            engine = found.engine
        } else if message.requestMethod != nil {
            throw HTTPProblem(.badRequest, "Mcp-Session-Id is required after initialize")
        } else {
            engine = await sessions.statelessEngine(for: token.subject)
        }
        guard case .request(_, let id) = message.kind else {
            _ = await engine.receive(bytes, principal: principal)
            return Response(status: .accepted)
        }
        return await exchange(bytes, id: id, with: engine, principal: principal, context: context)
    }

    /// `DELETE`: ends the caller's session.
    func delete(_ request: Request, context: some RequestContext) async throws -> Response {
        let token = try await admit(request)
        guard let sessionID = request.headers[Self.sessionHeader] else {
            throw HTTPProblem(.badRequest, "DELETE needs the Mcp-Session-Id of the session to end")
        }
        guard await sessions.end(session: sessionID, subject: token.subject) else {
            throw HTTPProblem(.notFound, "no such session")
        }
        return Response(status: .noContent)
    }

    /// `GET`: this server opens no stream of its own; everything it says travels on the response to a POST.
    func get(_ request: Request, context: some RequestContext) async throws -> Response {
        _ = try await admit(request)
        throw HTTPProblem(
            .methodNotAllowed, "this endpoint takes POST and DELETE", headers: [.allow: "POST, DELETE"])
    }

    // MARK: - Steps

    /// The bearer token, verified (401 otherwise), and the subject's rate limit (429).
    private func admit(_ request: Request) async throws -> AccessToken {
        let metadataURL = settings.publicURL.metadataURL
        guard let authorization = request.headers[.authorization] else {
            throw HTTPProblem.unauthorized(metadataURL: metadataURL, invalidToken: false)
        }
        guard authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else {
            throw HTTPProblem.unauthorized(metadataURL: metadataURL, invalidToken: true)
        }
        let token: AccessToken
        do {
            token = try await verifier.verify(String(authorization.dropFirst(7)))
        } catch {
            // The reason only: the token is a credential and never logged.
            logger.log(.info, "refused an access token: \(error.reason)")
            throw HTTPProblem.unauthorized(metadataURL: metadataURL, invalidToken: true)
        }
        if let wait = limiter.admit(token.subject) {
            logger.log(.warning, "\(token.actor) is over the rate limit")
            throw HTTPProblem.tooManyRequests(retryAfter: wait)
        }
        return token
    }

    /// The `MCP-Protocol-Version` header (`nil` when absent, which means 2025-03-26); 400 for one this server does
    /// not speak.
    private func protocolVersion(of request: Request) throws -> String? {
        let version = request.headers[Self.versionHeader]
        guard ProtocolVersions.all.contains(version ?? Self.assumedVersion) else {
            let supported = ProtocolVersions.all.joined(separator: ", ")
            throw HTTPProblem(
                .badRequest, "unsupported MCP-Protocol-Version \(version ?? ""); supported: \(supported)")
        }
        return version
    }

    /// `initialize`, answered by a fresh engine: only a successful answer opens a session, bound to `subject` and to
    /// the version it negotiated, and carries its id; an error answer leaves nothing behind.
    private func initialize(_ bytes: ByteBufferView, subject: String, principal: RequestPrincipal) async -> Response {
        let engine = sessions.makeEngine()
        guard let answer = await engine.receive(bytes, principal: principal).message() else {
            return Response(status: .accepted)
        }
        let line = answer.lineOrInternalError()
        var response = Self.json(line)
        if let version = (try? JSONCodec.parse(line))?["result"]?["protocolVersion"]?.stringValue {
            response.headers[Self.sessionHeader] = await sessions.open(engine, for: subject, protocolVersion: version)
        }
        return response
    }

    /// The body, refused with 413 as soon as it is known to be too large: from `Content-Length`, or while reading.
    private func readBody(_ request: Request) async throws -> ByteBuffer {
        let limit = settings.maximumBodySize
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPProblem.contentTooLarge(limit: limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw HTTPProblem.contentTooLarge(limit: limit)
        }
    }

    /// Runs a request on its engine: JSON when the answer comes first, SSE when the engine speaks first.
    private func exchange(
        _ bytes: ByteBufferView, id: JSONValue, with engine: Server, principal: RequestPrincipal,
        context: MCPRequestContext
    ) async -> Response {
        let (events, stream) = AsyncStream.makeStream(of: ExchangeEvent.self)
        let reply = await ExchangeRoute.$current.withValue(stream) {
            await engine.receive(bytes, principal: principal)
        }
        switch reply {
        case .none:
            stream.finish()
            return Response(status: .accepted)
        case .immediate(let response):
            stream.finish()
            return Self.json(response.lineOrInternalError())
        case .pending(let task):
            Task {
                stream.yield(.response(await task.value))
                stream.finish()
            }
            let cursor = ExchangeCursor(events)
            switch await cursor.next() {
            case .response(let response?)?: return Self.json(response.lineOrInternalError())
            case .message(let first)?:
                let logger = self.logger
                let signal = await context.inboundCloseSignal()
                let watch = signal?.watch {
                    // The client is gone: nothing it asked for may go on working (or waiting for its human).
                    let shown = String(decoding: (try? JSONCodec.encode(id)) ?? [], as: UTF8.self)
                    logger.log(.info, "the client closed the event stream of request \(shown); cancelling it")
                    let cancel: JSONValue = [
                        "jsonrpc": "2.0", "method": "notifications/cancelled",
                        "params": ["requestId": id, "reason": "the client closed the event stream"],
                    ]
                    Task { _ = await engine.receive((try? JSONCodec.encode(cancel)) ?? []) }
                }
                return Self.eventStream(first: first, rest: cursor) { signal?.stopWatching(watch) }
            case .response(nil)?, nil: return Response(status: .accepted)
            }
        }
    }

    private static func json(_ line: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: line)))
    }

    /// `text/event-stream`: the engine's messages as they come, then the response, then the end of the stream.
    /// `ended` runs once the response is written in full.
    private static func eventStream(
        first: JSONValue, rest cursor: ExchangeCursor, ended: @escaping @Sendable () -> Void
    ) -> Response {
        let body = ResponseBody { writer in
            try await writer.write(event((try? JSONCodec.encode(first)) ?? []))
            while let next = await cursor.next() {
                switch next {
                case .message(let message): try await writer.write(event((try? JSONCodec.encode(message)) ?? []))
                case .response(let response?): try await writer.write(event(response.lineOrInternalError()))
                case .response(nil): break
                }
            }
            ended()
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    /// One SSE `message` event carrying one JSON-RPC message.
    private static func event(_ json: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer(string: "event: message\ndata: ")
        buffer.writeBytes(json.last == UInt8(ascii: "\n") ? json.dropLast() : json[...])
        buffer.writeString("\n\n")
        return buffer
    }
}
