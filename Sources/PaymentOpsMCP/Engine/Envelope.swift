import DynamicJSON

/// The envelope of a 2026-07-28 request: everything the server knows about the client comes
/// from this one request.
struct Envelope: Sendable, Equatable {
    /// The requested protocol version (a supported one).
    let protocolVersion: String
    /// The client's capabilities for this request.
    let clientCapabilities: [String: JSONValue]
    /// The client's minimum level for `notifications/message`, when it wants any.
    let logLevel: LogLevel?

    /// Reads the envelope from `params._meta`.
    /// - Returns: `nil` when `_meta` holds no `io.modelcontextprotocol/` key (a handshake-era request).
    /// - Throws: `RPCError` `-32602` naming a missing or malformed key, `-32022` for an unsupported version.
    static func read(from params: [String: JSONValue]) throws(RPCError) -> Envelope? {
        guard let rawMeta = params["_meta"] else { return nil }
        guard case .object(let meta) = rawMeta else {
            throw .invalidParams("\"_meta\" must be an object")
        }
        guard meta.keys.contains(where: { $0.hasPrefix(ProtocolVersions.metaPrefix) }) else { return nil }
        guard let version = meta[ProtocolVersions.versionKey]?.stringValue else {
            throw .invalidParams("_meta must hold \"\(ProtocolVersions.versionKey)\" as a string")
        }
        guard version == ProtocolVersions.stateless else {
            throw .unsupportedProtocolVersion(requested: version, supported: [ProtocolVersions.stateless])
        }
        guard let capabilities = meta[ProtocolVersions.capabilitiesKey]?.objectValue else {
            throw .invalidParams("_meta must hold \"\(ProtocolVersions.capabilitiesKey)\" as an object")
        }
        var logLevel: LogLevel?
        if let rawLevel = meta[ProtocolVersions.logLevelKey] {
            guard let level = rawLevel.stringValue.flatMap(LogLevel.init(name:)) else {
                throw .invalidParams("\"\(ProtocolVersions.logLevelKey)\" must be a log level such as \"info\"")
            }
            logLevel = level
        }
        return Envelope(protocolVersion: version, clientCapabilities: capabilities, logLevel: logLevel)
    }
}

/// Whether a client's capabilities include form-mode elicitation (an empty object means form).
func supportsFormElicitation(_ capabilities: [String: JSONValue]) -> Bool {
    guard case .object(let elicitation) = capabilities["elicitation"] else { return false }
    return elicitation.isEmpty || elicitation["form"] != nil
}
