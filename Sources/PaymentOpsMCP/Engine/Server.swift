public import DynamicJSON

/// The MCP protocol engine: classifies each incoming line, answers the quick methods at once,
/// runs catalog work as concurrent tasks, and tracks what is in flight.
///
/// Transports feed it lines in order through `receive(_:)`; tests use `handle(line:)`.
/// Responses come back as a `Reply`; everything else the server says (progress, log messages,
/// its own requests) goes through `outbound`, called from within the task of the request that caused it (so a
/// transport can route it with a task-local value bound around `receive`).
public actor Server {
    /// The table of tools, resources and prompts.
    let catalog: Catalog
    /// Engine settings.
    let options: ServerOptions
    /// Writes a message that is not a response (notification, server request); never blocks long.
    nonisolated let outbound: @Sendable (JSONValue) -> Void
    /// Where diagnostics go (stderr).
    let logger: Logger

    /// Handshake-era state, set by `initialize`.
    var session = HandshakeSession()
    /// Requests being worked on, by the client's id.
    var inflight: [RequestID: Task<Response?, Never>] = [:]
    /// Requests the client cancelled; their responses are dropped.
    var cancelled: Set<RequestID> = []
    /// The server's own requests awaiting the client's answer.
    var clientRequests = ClientRequestTable()
    /// 2026-07-28 `requestState` handles.
    var inputStates: InputStateStore

    /// Creates an engine.
    public init(
        catalog: Catalog, options: ServerOptions = ServerOptions(), logger: Logger = .silent,
        outbound: @escaping @Sendable (JSONValue) -> Void
    ) {
        self.catalog = catalog
        self.options = options
        self.logger = logger
        self.outbound = outbound
        self.inputStates = InputStateStore(lifetime: options.inputStateLifetime)
    }

    /// Takes one line from the client, in arrival order; returns at once, without waiting for
    /// tools or other slow work.
    /// - Parameter principal: Who sent it, as the transport authenticated them; `nil` on stdio.
    public func receive(_ line: some Collection<UInt8>, principal: RequestPrincipal? = nil) -> Reply {
        let value: JSONValue
        do {
            value = try JSONCodec.parse(line)
        } catch {
            logger.log(.warning, "unreadable line: \(error.reason)")
            return .immediate(Response(id: nil, outcome: .failure(.parseError(error.reason))))
        }
        switch IncomingMessage(value) {
        case .invalid(let id, let error):
            logger.log(.warning, "invalid message: \(error.message)")
            return .immediate(Response(id: id, outcome: .failure(error)))
        case .notification(let method, let params):
            receiveNotification(method, params: params)
            return .none
        case .response(let id, let outcome):
            if !clientRequests.resolve(id, with: outcome) {
                logger.log(.warning, "response to unknown server request \(id)")
            }
            return .none
        case .request(let id, let method, let params):
            return start(id: id, method: method, params: params, principal: principal)
        }
    }

    /// Answers a line that was longer than the transport accepts.
    func receiveOversizedLine(limit: Int) -> Reply {
        logger.log(.warning, "refused a line longer than \(limit) bytes")
        return .immediate(
            Response(id: nil, outcome: .failure(.invalidRequest("the line is longer than \(limit) bytes"))))
    }

    /// Processes one line and waits for its response, if it gets one, as the client would read it; for tests and
    /// tools.
    func handle(line: String) async -> JSONValue? {
        await receive(Array(line.utf8)).response()
    }

    /// The client closed its input: nothing more will answer the server's requests.
    public func inputClosed() {
        clientRequests.resolveAll(with: nil)
    }

    private func start(id: RequestID, method: String, params: [String: JSONValue], principal: RequestPrincipal?)
        -> Reply
    {
        guard inflight[id] == nil else {
            let reason = "id \(id) is already used by a request in progress"
            return .immediate(Response(id: id, outcome: .failure(.invalidRequest(reason))))
        }
        let scope: RequestScope
        do {
            scope = try RequestScope(id: id, method: method, params: params, session: session, principal: principal)
        } catch {
            return .immediate(Response(id: id, outcome: .failure(error)))
        }
        if let quick = answerQuickly(scope) {
            return .immediate(Response(id: id, outcome: quick))
        }
        let task = Task { () -> Response? in
            let outcome: Result<MethodResult, RPCError>
            do {
                outcome = .success(try await perform(scope))
            } catch let error as RPCError {
                outcome = .failure(error)
            } catch {
                if !(error is CancellationError) { logger.log(.error, "\(method) failed: \(error)") }
                outcome = .failure(.internalError)
            }
            return finish(scope.id, Response(id: scope.id, outcome: outcome))
        }
        inflight[id] = task
        return .pending(task)
    }

    private func finish(_ id: RequestID, _ response: Response) -> Response? {
        inflight[id] = nil
        return cancelled.remove(id) == nil ? response : nil
    }

    private func receiveNotification(_ method: String, params: [String: JSONValue]) {
        switch method {
        case "notifications/cancelled":
            guard let id = params["requestId"].flatMap(RequestID.init), let task = inflight[id] else {
                logger.log(.debug, "cancellation for a request not in flight")
                return
            }
            cancelled.insert(id)
            task.cancel()
        case "notifications/initialized":
            break
        default:
            logger.log(.debug, "ignored notification \(method)")
        }
    }
}

/// What `Server.receive` produced for one line.
public enum Reply: Sendable {
    /// Nothing to answer (a notification, or a response to the server's request).
    case none
    /// The response, ready now.
    case immediate(Response)
    /// Work in progress; its value is the response, or `nil` when the client cancelled it.
    case pending(Task<Response?, Never>)

    /// The response, waiting for it when it is still being worked on.
    public func message() async -> Response? {
        switch self {
        case .none: nil
        case .immediate(let response): response
        case .pending(let task): await task.value
        }
    }

    /// The response as the client reads it, the transport's substitute for an unencodable one included: its line,
    /// parsed back; for tests and tools.
    func response() async -> JSONValue? {
        guard let line = await message()?.lineOrInternalError() else { return nil }
        return try? JSONCodec.parse(line)
    }
}
