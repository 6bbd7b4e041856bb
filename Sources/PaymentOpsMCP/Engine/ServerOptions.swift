import DynamicJSON
import PaymentCore

/// Settings of the protocol engine; the defaults are what the real server uses.
public struct ServerOptions: Sendable {
    /// `serverInfo.name`.
    var name = "payment-ops"
    /// `serverInfo.title`.
    var title = "Payment Ops"
    /// `serverInfo.version`.
    var version = PaymentOps.version
    /// How long a tool waits for the human's answer to `elicitation/create` (handshake era).
    var elicitationTimeout: Duration = .seconds(50)
    /// How long a 2026-07-28 `requestState` stays redeemable.
    var inputStateLifetime: Duration = .seconds(600)
    /// Largest page of `completion/complete` values (MCP caps it at 100).
    var maximumCompletions = 100

    /// Creates the default options.
    public init() {}

    /// `serverInfo` as both eras report it.
    var serverInfo: JSONValue {
        ["name": .string(name), "title": .string(title), "version": .string(version)]
    }

    /// The capabilities this server implements, declared in `initialize` and `server/discover`.
    static let capabilities: JSONValue = [
        "tools": ["listChanged": false],
        "resources": ["subscribe": false, "listChanged": false],
        "prompts": ["listChanged": false],
        "completions": [:],
        "logging": [:],
    ]
}
