import DynamicJSON

extension Server {
    /// `tools/list`: every tool, unpaginated.
    func listTools(_ scope: RequestScope) throws(RPCError) -> MethodResult {
        try Self.refuseCursor(scope)
        let visible = catalog.tools.filter { scope.principal?.mayUseTool($0.name) ?? true }
        let tools = visible.map { tool -> JSONValue in
            [
                "name": .string(tool.name), "title": .string(tool.title), "description": .string(tool.description),
                "inputSchema": tool.inputSchema, "outputSchema": tool.outputSchema,
                "annotations": tool.annotations.json,
            ]
        }
        return MethodResult(["tools": .array(tools)], cache: .staticList)
    }

    /// `tools/call`: validates the arguments, runs the tool, and turns refusals into `isError`
    /// results and unanswered questions (2026-07-28) into `input_required` results.
    func callTool(_ scope: RequestScope) async throws -> MethodResult {
        let name = try scope.string("name")
        guard let tool = catalog.tool(named: name), scope.principal?.mayUseTool(name) ?? true else {
            throw RPCError.invalidParams("unknown tool \"\(name)\"")
        }
        let arguments = try scope.optionalObject("arguments") ?? [:]
        let round = try startRound(scope, toolName: name, arguments: arguments)
        let validated: [String: JSONValue]
        do {
            validated = try SchemaValidator.validate(arguments, against: tool.inputSchema)
        } catch {
            return ToolResult.error(error.message).methodResult
        }
        let context = toolContext(for: scope, exchange: round)
        let started = ContinuousClock.now
        let result: ToolResult
        do {
            result = try await tool.call(arguments: validated, context: context)
        } catch let error as ToolError {
            result = .error(error.message)
        } catch is InputRequiredSignal {
            return inputRequired(toolName: name, arguments: arguments, exchange: round)
        }
        // The tool's name and outcome only: arguments and answers hold customer data.
        logger.log(
            .debug, "tools/call \(name): \(result.isError ? "refused" : "answered") in \(ContinuousClock.now - started)"
        )
        if let round, !round.pendingRequests.isEmpty {
            logger.log(.warning, "tool \(name) swallowed the input-required signal")
            return inputRequired(toolName: name, arguments: arguments, exchange: round)
        }
        return result.methodResult
    }

    /// `-32602` when a cursor is sent for a list that is never paginated.
    static func refuseCursor(_ scope: RequestScope) throws(RPCError) {
        if scope.params["cursor"] != nil { throw .invalidParams("invalid cursor") }
    }

    /// The 2026-07-28 exchange for this call, holding the answers the client sent with a valid
    /// `requestState`; `nil` in the handshake era or when this request's client cannot elicit.
    /// - Throws: `-32602` for a state that is unknown, expired, used, or issued for another call,
    ///   and for a malformed answer. A presented state is used up even when refused.
    private func startRound(_ scope: RequestScope, toolName: String, arguments: [String: JSONValue])
        throws(RPCError) -> InputExchange?
    {
        guard case .stateless(let envelope) = scope.era else { return nil }
        var answers: [String: AnsweredQuestion] = [:]
        if let state = try scope.optionalString("requestState") {
            var responses: [String: ElicitationOutcome] = [:]
            for (key, value) in try scope.optionalObject("inputResponses") ?? [:] {
                guard let outcome = ElicitationOutcome(elicitResult: value) else {
                    throw .invalidParams(
                        "inputResponses.\(key) must be an elicitation result whose action is accept, decline or cancel")
                }
                responses[key] = outcome
            }
            guard let entry = inputStates.redeem(state) else {
                throw .invalidParams("requestState is unknown, expired or already used; call the tool again without it")
            }
            guard entry.toolName == toolName, entry.arguments == arguments else {
                throw .invalidParams("requestState belongs to a different tool call; call the tool again without it")
            }
            // Each answer is kept with the exact question it answers, so a re-run that asks something else
            // (another order, another amount) is asked again rather than given this approval.
            for (key, outcome) in responses {
                guard let question = entry.asked[key] else { continue }
                answers[key] = AnsweredQuestion(request: question, outcome: outcome)
            }
            answers.merge(entry.answers) { fresh, _ in fresh }
        }
        return supportsFormElicitation(envelope.clientCapabilities) ? InputExchange(answers: answers) : nil
    }

    private func inputRequired(toolName: String, arguments: [String: JSONValue], exchange: InputExchange?)
        -> MethodResult
    {
        let pending = exchange?.pendingRequests ?? []
        let state = inputStates.issue(
            toolName: toolName, arguments: arguments, answers: exchange?.answers ?? [:],
            asked: Dictionary(pending.map { ($0.key, $0) }) { _, last in last })
        var requests: [String: JSONValue] = [:]
        for request in pending {
            requests[request.key] = ["method": "elicitation/create", "params": request.params(includeMode: true)]
        }
        return MethodResult([
            "resultType": "input_required", "inputRequests": .object(requests), "requestState": .string(state),
        ])
    }

    private func toolContext(for scope: RequestScope, exchange: InputExchange?) -> ToolContext {
        let channel: ElicitationChannel
        let logLevel: LogLevel?
        switch scope.era {
        case .stateless(let envelope):
            channel = exchange.map(ElicitationChannel.inputResponses) ?? .unavailable
            logLevel = envelope.logLevel
        case .handshake(let version, let capabilities, let level):
            logLevel = level
            if supportsFormElicitation(capabilities) {
                let includeMode = ProtocolVersions.elicitationHasMode(version ?? "")
                channel = .clientRequest { [self] request in
                    try await elicitFromClient(request.params(includeMode: includeMode))
                }
            } else {
                channel = .unavailable
            }
        }
        let outbound = self.outbound
        return ToolContext(
            protocolVersion: scope.era.protocolVersion, elicitation: channel,
            notify: { method, params in outbound(OutgoingMessage.notification(method: method, params: params)) },
            progressToken: scope.progressToken, clientLogLevel: logLevel, principal: scope.principal)
    }
}
