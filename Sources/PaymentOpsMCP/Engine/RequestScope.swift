import DynamicJSON

/// One request, with the era and method it resolved to.
struct RequestScope: Sendable {
    /// The client's id.
    let id: RequestID
    /// The method.
    let method: MCPMethod
    /// The params, an object (possibly empty).
    let params: [String: JSONValue]
    /// The era it is served under.
    let era: ProtocolEra
    /// Who sent it, when the transport authenticated them (HTTP); `nil` on stdio.
    let principal: RequestPrincipal?

    /// Resolves the method and era of a request.
    /// - Throws: `-32601` for a method unknown (in its era), the envelope's errors, or `-32600`
    ///   for a handshake-era request before `initialize`.
    init(
        id: RequestID, method name: String, params: [String: JSONValue], session: HandshakeSession,
        principal: RequestPrincipal? = nil
    ) throws(RPCError) {
        guard let method = MCPMethod(rawValue: name) else { throw .methodNotFound(name) }
        self.id = id
        self.method = method
        self.params = params
        self.principal = principal
        if let envelope = try Envelope.read(from: params) {
            guard method.existsInStatelessEra else { throw .methodNotFound(name) }
            era = .stateless(envelope)
        } else {
            if method.needsInitialization && session.protocolVersion == nil {
                throw .invalidRequest("the server is not initialized; send initialize first")
            }
            era = .handshake(
                version: session.protocolVersion, clientCapabilities: session.clientCapabilities,
                logLevel: session.logLevel)
        }
    }

    /// The client's `_meta.progressToken`, when it wants progress notifications.
    var progressToken: JSONValue? {
        guard let token = params["_meta"]?["progressToken"], token.stringValue != nil || token.intValue != nil
        else { return nil }
        return token
    }

    /// A string param, or `-32602` naming it.
    func string(_ name: String) throws(RPCError) -> String {
        guard let value = params[name]?.stringValue else {
            throw .invalidParams("\"\(name)\" must be a string")
        }
        return value
    }

    /// An optional object param, or `-32602` naming it when present with another type.
    func optionalObject(_ name: String) throws(RPCError) -> [String: JSONValue]? {
        guard let value = params[name] else { return nil }
        guard case .object(let object) = value else { throw .invalidParams("\"\(name)\" must be an object") }
        return object
    }

    /// An optional string param, or `-32602` naming it when present with another type.
    func optionalString(_ name: String) throws(RPCError) -> String? {
        guard let value = params[name] else { return nil }
        guard case .string(let text) = value else { throw .invalidParams("\"\(name)\" must be a string") }
        return text
    }
}

/// What `initialize` established for the handshake era of this process.
struct HandshakeSession: Sendable {
    /// The negotiated version; `nil` until `initialize`.
    var protocolVersion: String?
    /// The capabilities the client declared.
    var clientCapabilities: [String: JSONValue] = [:]
    /// The level `logging/setLevel` chose; no `notifications/message` before it.
    var logLevel: LogLevel?
}

/// A method's result before the era adds its envelope.
struct MethodResult: Sendable {
    /// The result's members.
    var fields: [String: JSONValue]
    /// Members whose JSON text is already written (a tool's structured content), taken into the response as they
    /// are.
    var written: [String: JSONText]
    /// How the result may be cached (2026-07-28 `ttlMs`/`cacheScope`), for lists and reads.
    var cache: CachePolicy?

    /// Creates a result.
    init(_ fields: [String: JSONValue], written: [String: JSONText] = [:], cache: CachePolicy? = nil) {
        self.fields = fields
        self.written = written
        self.cache = cache
    }
}
