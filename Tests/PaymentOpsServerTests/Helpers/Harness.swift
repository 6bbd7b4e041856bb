import DynamicJSON

@testable import PaymentOpsMCP

/// An engine over the test catalog, driven line by line as a scripted client would.
struct Harness {
    let fixtures = TestCatalog()
    let server: Server
    /// Everything the server sent that is not a response: notifications and its own requests.
    let sent: AsyncStream<JSONValue>

    init(options: ServerOptions = ServerOptions()) {
        let (sent, continuation) = AsyncStream.makeStream(of: JSONValue.self)
        self.sent = sent
        server = Server(catalog: fixtures.catalog, options: options, outbound: { continuation.yield($0) })
    }

    /// Sends one message and waits for its response.
    func send(_ message: JSONValue) async -> JSONValue? {
        await server.handle(line: line(message))
    }

    /// Sends one message without waiting for slow work.
    func start(_ message: JSONValue) async -> Reply {
        await server.receive(Array(line(message).utf8))
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, id: JSONValue = 1, params: JSONValue? = nil) async -> JSONValue? {
        await send(rpc(id: id, method, params))
    }

    /// Runs the handshake with the given capabilities.
    func initialize(version: String = "2025-11-25", capabilities: JSONValue = [:]) async {
        let params: JSONValue = [
            "protocolVersion": .string(version), "capabilities": capabilities,
            "clientInfo": ["name": "test", "version": "1"],
        ]
        _ = await request("initialize", id: "init", params: params)
        _ = await send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    /// Whether the server still answers ping.
    func answersPing() async -> Bool {
        await request("ping", id: "health") == ["jsonrpc": "2.0", "id": "health", "result": [:]]
    }
}

/// A JSON-RPC request (or a notification when `id` is nil).
func rpc(id: JSONValue?, _ method: String, _ params: JSONValue? = nil) -> JSONValue {
    var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
    if let id { message["id"] = id }
    if let params { message["params"] = params }
    return .object(message)
}

/// The compact one-line encoding of a message.
func line(_ message: JSONValue) -> String {
    (try? JSONCodec.string(message)) ?? ""
}

/// The 2026-07-28 `_meta` envelope.
func envelope(elicitation: Bool = true, logLevel: String? = nil) -> [String: JSONValue] {
    var meta: [String: JSONValue] = [
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": elicitation ? ["elicitation": [:]] : [:],
        "io.modelcontextprotocol/clientInfo": ["name": "test", "version": "1"],
    ]
    if let logLevel { meta["io.modelcontextprotocol/logLevel"] = .string(logLevel) }
    return meta
}

/// Params with a 2026-07-28 envelope.
func enveloped(_ fields: [String: JSONValue] = [:], meta: [String: JSONValue] = envelope()) -> JSONValue {
    var params = fields
    params["_meta"] = .object(meta)
    return .object(params)
}

/// A JSON-RPC error response as the server writes it.
func errorResponse(id: JSONValue, code: Int, message: String, data: JSONValue? = nil) -> JSONValue {
    var error: [String: JSONValue] = ["code": .int(code), "message": .string(message)]
    if let data { error["data"] = data }
    return ["jsonrpc": "2.0", "id": id, "error": .object(error)]
}

extension Optional where Wrapped == JSONValue {
    /// The `result` member of a response.
    var result: JSONValue? { self?["result"] }
    /// The `error.code` of a response.
    var errorCode: Int? { self?["error"]?["code"]?.intValue }
    /// The `error.message` of a response.
    var errorMessage: String? { self?["error"]?["message"]?.stringValue }
}
