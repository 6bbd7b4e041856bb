/// The protocol versions this server speaks, and how a request picks its era.
public enum ProtocolVersions {
    /// The stateless revision, chosen per request by `_meta`.
    public static let stateless = "2026-07-28"
    /// Versions negotiated with `initialize`, newest first.
    public static let handshake = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
    /// Every version, newest first, as `server/discover` and `-32022` report them.
    public static let all = [stateless] + handshake

    /// The `_meta` key prefix reserved for the 2026-07-28 envelope.
    public static let metaPrefix = "io.modelcontextprotocol/"
    /// `_meta` key of the request's protocol version.
    static let versionKey = "io.modelcontextprotocol/protocolVersion"
    /// `_meta` key of the client's capabilities.
    static let capabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    /// `_meta` key of the client's minimum level for `notifications/message`.
    static let logLevelKey = "io.modelcontextprotocol/logLevel"
    /// `_meta` key of `serverInfo` on every 2026-07-28 result.
    static let serverInfoKey = "io.modelcontextprotocol/serverInfo"

    /// Whether `version` asks for `mode` in `elicitation/create` (added in 2025-11-25).
    static func elicitationHasMode(_ version: String) -> Bool {
        version >= "2025-11-25"
    }
}
