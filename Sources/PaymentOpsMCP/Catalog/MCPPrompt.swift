import DynamicJSON

/// One MCP prompt: a named, argument-taking message template.
protocol MCPPrompt: Sendable {
    /// Unique name, matching `^[a-zA-Z0-9_-]{1,64}$`.
    var name: String { get }
    /// Human-readable title.
    var title: String { get }
    /// What the prompt is for.
    var description: String { get }
    /// The arguments it takes; the engine enforces `required` before `get` runs.
    var arguments: [PromptArgument] { get }

    /// Builds the messages for the given arguments.
    /// - Throws: `RPCError.invalidParams` when an argument's value is unusable.
    func get(arguments: [String: String]) async throws -> PromptMessages

    /// Values completing `argument` that start with `prefix`.
    func complete(argument: String, prefix: String) async throws -> [String]
}

extension MCPPrompt {
    /// By default a prompt offers no completions.
    func complete(argument: String, prefix: String) async throws -> [String] { [] }
}

/// One argument of a prompt.
struct PromptArgument: Sendable, Equatable {
    /// The argument's name.
    let name: String
    /// What it means and its format.
    let description: String
    /// Whether `prompts/get` must carry it.
    let required: Bool

    /// The argument as it appears in `prompts/list`.
    var json: JSONValue {
        ["name": .string(name), "description": .string(description), "required": .bool(required)]
    }
}

/// The result of `prompts/get`: a description and user/assistant text messages.
struct PromptMessages: Sendable, Equatable {
    /// A description of this instance of the prompt.
    let description: String
    /// The messages, as (role, text) pairs; role is `user` or `assistant`.
    let messages: [(role: String, text: String)]

    /// Creates the result.
    init(description: String, messages: [(role: String, text: String)]) {
        self.description = description
        self.messages = messages
    }

    /// Compares descriptions and messages.
    static func == (lhs: PromptMessages, rhs: PromptMessages) -> Bool {
        lhs.description == rhs.description && lhs.messages.elementsEqual(rhs.messages, by: { $0 == $1 })
    }

    /// The result as it appears in `prompts/get`.
    var json: [String: JSONValue] {
        let messages = messages.map { message -> JSONValue in
            ["role": .string(message.role), "content": ["type": "text", "text": .string(message.text)]]
        }
        return ["description": .string(description), "messages": .array(messages)]
    }
}
