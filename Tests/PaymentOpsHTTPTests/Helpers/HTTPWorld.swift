import AsyncHTTPClient
import DynamicJSON
import FoundationEssentials
import NIOCore
import NIOHTTP1
import OrdersStore
import PaymentCore
import PaymentOpsHTTP

@testable import PaymentOpsMCP

/// One HTTP answer, read whole.
struct HTTPAnswer: Sendable {
    let status: Int
    let headers: [String: String]
    let body: String

    /// The body as JSON.
    var json: JSONValue? { try? JSONCodec.parse(body) }

    /// A header by its name, case-insensitively.
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// The team server on a loopback port, with the test issuer, the real catalog over an in-memory database plus one
/// tool that asks the human, and a clock the test moves.
struct HTTPWorld: Sendable {
    static let publicURL = "http://localhost/mcp"
    static let metadataURL = "http://localhost/.well-known/oauth-protected-resource/mcp"

    let issuer: TestIssuer
    let clock: TestClock
    let port: Int
    /// Every line the server logged, at every level.
    let log: LogRecorder
    /// One element each time `confirm_action` is cancelled while it waits for the human.
    let cancellations: AsyncStream<Void>

    var base: String { "http://127.0.0.1:\(port)" }

    var endpoint: String { base + "/mcp" }

    /// Runs `body` with a fresh server; `configure` adjusts its settings first.
    static func run<T: Sendable>(
        configure: @Sendable (inout HTTPSettings) -> Void = { _ in }, _ body: (HTTPWorld) async throws -> T
    ) async throws -> T {
        try await TestIssuer.run { issuer in
            let clock = TestClock()
            var settings = HTTPSettings(
                bind: BindTarget(host: "127.0.0.1", port: 0), publicURL: try PublicURL(parsing: publicURL),
                issuer: issuer.url, allowedOrigins: ["https://claude.example"])
            settings.now = { clock.now }
            configure(&settings)
            let store = try SQLiteStore(url: "sqlite::memory:")
            let real = makeCatalog(service: PaymentService(store: store, gateway: nil))
            let (cancellations, cancelled) = AsyncStream.makeStream(of: Void.self)
            let catalog = Catalog(
                instructions: real.instructions, tools: real.tools + [ConfirmActionTool { cancelled.yield() }],
                resources: real.resources, prompts: real.prompts)
            let log = LogRecorder()
            let logger = Logger(threshold: .debug, sink: log.append)
            let server = MCPHTTPServer(catalog: catalog, options: ServerOptions(), settings: settings, logger: logger)
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let running = Task { try await server.run(handlingSignals: false) { portContinuation.yield($0) } }
            defer { running.cancel() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            return try await body(
                HTTPWorld(issuer: issuer, clock: clock, port: port, log: log, cancellations: cancellations))
        }
    }

    // MARK: - Tokens

    /// Claims the server accepts: this issuer, this audience, an hour to live.
    func claims(subject: String = "agent-1", email: String? = "ada@support.example", scopes: [String]) -> TestClaims {
        TestClaims(
            iss: issuer.url, sub: subject, aud: [Self.publicURL], exp: clock.now.timeIntervalSince1970 + 3600,
            nbf: nil, email: email, scope: scopes.joined(separator: " "), scp: nil)
    }

    /// A valid token for `subject` with `scopes`.
    func token(subject: String = "agent-1", scopes: [String] = ["payments:read"]) async throws -> String {
        try await TestIssuer.token(claims(subject: subject, scopes: scopes))
    }

    // MARK: - Requests

    /// POSTs one message.
    func post(
        _ message: JSONValue, token: String?, session: String? = nil, version: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let session { request.headers.add(name: "Mcp-Session-Id", value: session) }
        if let version { request.headers.add(name: "MCP-Protocol-Version", value: version) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: try JSONCodec.encode(message)))
        return try await send(request)
    }

    /// Sends a request and reads the whole answer.
    func send(_ request: HTTPClientRequest) async throws -> HTTPAnswer {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return HTTPAnswer(status: Int(response.status.code), headers: headers, body: String(buffer: body))
    }

    /// Runs the handshake as `subject`, asking for `version`; returns the session id.
    func initialize(token: String, capabilities: JSONValue = [:], version: String = "2025-11-25") async throws
        -> String?
    {
        let answer = try await post(
            rpc(
                id: 1, "initialize",
                [
                    "protocolVersion": .string(version), "capabilities": capabilities,
                    "clientInfo": ["name": "http-tests", "version": "1"],
                ]),
            token: token)
        let session = answer.header("Mcp-Session-Id")
        _ = try await post(rpc(id: nil, "notifications/initialized"), token: token, session: session)
        return session
    }
}

/// A JSON-RPC message; `id: nil` makes a notification.
func rpc(id: JSONValue?, _ method: String, _ params: JSONValue? = nil) -> JSONValue {
    var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
    if let id { message["id"] = id }
    if let params { message["params"] = params }
    return .object(message)
}

/// Asks the human to confirm, then answers what they said and who asked: the principal seam, seen from a tool.
struct ConfirmActionTool: MCPTool {
    let name = "confirm_action"
    let title = "Confirm action"
    let description = "Asks the human, then reports the answer and the caller."
    let inputSchema: JSONValue = ["type": "object", "additionalProperties": false, "properties": [:]]
    let outputSchema: JSONValue = ["type": "object", "additionalProperties": true]
    let annotations = ToolAnnotations(
        readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false)

    /// Called when the call is cancelled while it waits for the human.
    let cancelled: @Sendable () -> Void

    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        let outcome: ElicitationOutcome
        do {
            outcome = try await context.elicit(
                key: "confirm", message: "Go ahead?", requestedSchema: ["type": "object", "properties": [:]])
        } catch let error as CancellationError {
            cancelled()
            throw error
        }
        let answer: String
        switch outcome {
        case .accepted: answer = "accepted"
        case .declined: answer = "declined"
        default: answer = "other"
        }
        let actor = context.principal?.actor ?? "none"
        return .success(try JSONText(["answer": .string(answer), "actor": .string(actor)]), text: answer)
    }
}
