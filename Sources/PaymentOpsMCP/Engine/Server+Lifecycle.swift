import DynamicJSON

extension Server {
    /// Answers the methods that change or read session state right away, in arrival order,
    /// so a request sent right behind `initialize` already sees the session; `nil` for the rest.
    func answerQuickly(_ scope: RequestScope) -> Result<MethodResult, RPCError>? {
        let result: Result<MethodResult, RPCError>
        switch scope.method {
        case .initialize: result = Result { () throws(RPCError) in try initialize(scope) }
        case .ping: result = .success(MethodResult([:]))
        case .discover: result = .success(discover())
        case .setLogLevel: result = Result { () throws(RPCError) in try setLogLevel(scope) }
        default: return nil
        }
        return result.map { wrap($0, for: scope) }
    }

    /// Runs a catalog method.
    func perform(_ scope: RequestScope) async throws -> MethodResult {
        let result: MethodResult
        switch scope.method {
        case .listTools: result = try listTools(scope)
        case .callTool: result = try await callTool(scope)
        case .listResources: result = try await listResources(scope)
        case .listResourceTemplates: result = try listResourceTemplates(scope)
        case .readResource: result = try await readResource(scope)
        case .listPrompts: result = try listPrompts(scope)
        case .getPrompt: result = try await getPrompt(scope)
        case .complete: result = try await complete(scope)
        case .initialize, .ping, .discover, .setLogLevel: preconditionFailure("answered by answerQuickly")
        }
        return wrap(result, for: scope)
    }

    /// Adds what the era requires to every result: in 2026-07-28, `resultType`, `serverInfo`
    /// in `_meta`, and the cache policy of lists and reads.
    func wrap(_ result: MethodResult, for scope: RequestScope) -> MethodResult {
        guard case .stateless = scope.era else { return result }
        var fields = result.fields
        if fields["resultType"] == nil { fields["resultType"] = "complete" }
        var meta = fields["_meta"]?.objectValue ?? [:]
        meta[ProtocolVersions.serverInfoKey] = options.serverInfo
        fields["_meta"] = .object(meta)
        if let cache = result.cache {
            fields["ttlMs"] = .int(cache.ttlMs)
            fields["cacheScope"] = .string(cache.scope.rawValue)
        }
        return MethodResult(fields, written: result.written)
    }

    private func initialize(_ scope: RequestScope) throws(RPCError) -> MethodResult {
        let requested = try scope.string("protocolVersion")
        let capabilities = try scope.optionalObject("capabilities") ?? [:]
        let version = ProtocolVersions.handshake.contains(requested) ? requested : ProtocolVersions.handshake[0]
        session = HandshakeSession(
            protocolVersion: version, clientCapabilities: capabilities, logLevel: session.logLevel)
        logger.log(.info, "initialized with protocol \(version)")
        return MethodResult([
            "protocolVersion": .string(version),
            "capabilities": ServerOptions.capabilities,
            "serverInfo": options.serverInfo,
            "instructions": .string(catalog.instructions),
        ])
    }

    /// `server/discover` is answered in any era, enveloped or not: clients send it as a probe
    /// before they know what the server speaks, and must not be kept waiting.
    private func discover() -> MethodResult {
        MethodResult(
            [
                "resultType": "complete",
                "supportedVersions": .array(ProtocolVersions.all.map(JSONValue.string)),
                "capabilities": ServerOptions.capabilities,
                "instructions": .string(catalog.instructions),
                "ttlMs": .int(CachePolicy.staticList.ttlMs),
                "cacheScope": .string(CachePolicy.staticList.scope.rawValue),
                "_meta": [ProtocolVersions.serverInfoKey: options.serverInfo],
            ])
    }

    private func setLogLevel(_ scope: RequestScope) throws(RPCError) -> MethodResult {
        let name = try scope.string("level")
        guard let level = LogLevel(name: name), level.name == name else {
            let names = LogLevel.allCases.map(\.name).joined(separator: ", ")
            throw .invalidParams("\"level\" must be one of \(names)")
        }
        session.logLevel = level
        return MethodResult([:])
    }
}
