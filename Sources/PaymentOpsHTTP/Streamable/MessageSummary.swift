import DynamicJSON
import PaymentOpsMCP

/// What the HTTP edge must know of a POSTed JSON-RPC message before the engine reads it: its kind and method (for
/// scopes and the status code), its era (for sessions), and the tool a `tools/call` names.
struct MessageSummary: Sendable, Equatable {
    /// The JSON-RPC shape of the message.
    enum Kind: Sendable, Equatable {
        /// A call that wants an answer.
        case request(method: String, id: JSONValue)
        /// A call that must not be answered.
        case notification(method: String)
        /// The client's answer to one of the server's requests.
        case response
    }

    /// The message's kind.
    let kind: Kind
    /// Whether `params._meta` holds the 2026-07-28 envelope: served without a session.
    let isStateless: Bool
    /// `params.name` of a `tools/call`.
    let toolName: String?

    /// Reads the message; `nil` for anything that is not one JSON-RPC object (the engine's own checks then answer
    /// the finer faults of a message that is).
    init?(_ bytes: some Collection<UInt8>) {
        guard let message = (try? JSONCodec.parse(bytes))?.objectValue, message["jsonrpc"] == "2.0" else { return nil }
        let params = message["params"]?.objectValue ?? [:]
        switch (message["method"]?.stringValue, message["id"]) {
        case (let method?, let id?): kind = .request(method: method, id: id)
        case (let method?, nil): kind = .notification(method: method)
        case (nil, _?) where message["result"] != nil || message["error"] != nil: kind = .response
        default: return nil
        }
        let meta = params["_meta"]?.objectValue ?? [:]
        isStateless = meta.keys.contains { $0.hasPrefix(ProtocolVersions.metaPrefix) }
        toolName = params["name"]?.stringValue
    }

    /// The method of a request, else `nil`.
    var requestMethod: String? {
        if case .request(let method, _) = kind { return method }
        return nil
    }
}
