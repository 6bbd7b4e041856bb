import DynamicJSON

/// The era a request is served under.
enum ProtocolEra: Sendable {
    /// `initialize` era; `version` is the negotiated version (`nil` before `initialize`).
    case handshake(version: String?, clientCapabilities: [String: JSONValue], logLevel: LogLevel?)
    /// 2026-07-28: everything comes from this request's envelope.
    case stateless(Envelope)

    /// The protocol version the request is served under.
    var protocolVersion: String {
        switch self {
        case .handshake(let version, _, _): version ?? ProtocolVersions.handshake[0]
        case .stateless(let envelope): envelope.protocolVersion
        }
    }
}
