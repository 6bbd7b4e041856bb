/// The MCP methods this server answers.
enum MCPMethod: String, Sendable {
    case initialize
    case ping
    case discover = "server/discover"
    case setLogLevel = "logging/setLevel"
    case listTools = "tools/list"
    case callTool = "tools/call"
    case listResources = "resources/list"
    case listResourceTemplates = "resources/templates/list"
    case readResource = "resources/read"
    case listPrompts = "prompts/list"
    case getPrompt = "prompts/get"
    case complete = "completion/complete"

    /// Whether the 2026-07-28 era has this method; its lifecycle and session methods are gone.
    var existsInStatelessEra: Bool {
        switch self {
        case .initialize, .ping, .setLogLevel: false
        default: true
        }
    }

    /// Whether a handshake-era client must `initialize` first.
    var needsInitialization: Bool {
        switch self {
        case .initialize, .ping, .discover: false
        default: true
        }
    }
}
