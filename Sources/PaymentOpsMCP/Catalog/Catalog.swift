/// The one table of everything the server offers: tools, resources, prompts, and the
/// instructions that explain them to the model. The engine knows nothing else about them.
public struct Catalog: Sendable {
    /// Text for `instructions` in `initialize` and `server/discover`.
    let instructions: String
    /// The tools, in the order `tools/list` shows them.
    let tools: [any MCPTool]
    /// The resource providers, in the order their resources are listed.
    let resources: [any ResourceProvider]
    /// The prompts, in the order `prompts/list` shows them.
    let prompts: [any MCPPrompt]

    /// Creates a catalog.
    init(
        instructions: String, tools: [any MCPTool] = [], resources: [any ResourceProvider] = [],
        prompts: [any MCPPrompt] = []
    ) {
        self.instructions = instructions
        self.tools = tools
        self.resources = resources
        self.prompts = prompts
    }

    /// The tool named `name`.
    func tool(named name: String) -> (any MCPTool)? {
        tools.first { $0.name == name }
    }

    /// The prompt named `name`.
    func prompt(named name: String) -> (any MCPPrompt)? {
        prompts.first { $0.name == name }
    }

    /// The provider that declares `uriTemplate`.
    func provider(forTemplate uriTemplate: String) -> (any ResourceProvider)? {
        resources.first { provider in provider.templates.contains { $0.uriTemplate == uriTemplate } }
    }

    /// How `resources/list` may be cached: private as soon as one provider is.
    var resourceListPolicy: CachePolicy {
        let policies = resources.map(\.cachePolicy)
        let scope: CacheScope = policies.contains { $0.scope == .private } ? .private : .public
        return CachePolicy(ttlMs: policies.map(\.ttlMs).min() ?? CachePolicy.staticList.ttlMs, scope: scope)
    }
}
