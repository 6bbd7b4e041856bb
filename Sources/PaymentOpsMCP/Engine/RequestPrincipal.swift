/// Who sent a request, as a transport authenticated them (the HTTP transport's bearer token); stdio has none.
///
/// The engine carries it from `Server.receive` to `RequestScope` and `ToolContext`: `tools/list` shows only the
/// tools it may use, `tools/call` refuses the others, and tools read `actor` as the name to journal.
public struct RequestPrincipal: Sendable {
    /// The name written to the journal and the logs: the token's `email`, else its subject.
    public let actor: String
    /// The token's subject (`sub`), what sessions and rate limits are bound to.
    public let subject: String
    /// Whether this principal may see and call the tool named so.
    public let mayUseTool: @Sendable (_ name: String) -> Bool

    /// Creates a principal.
    public init(actor: String, subject: String, mayUseTool: @escaping @Sendable (_ name: String) -> Bool) {
        self.actor = actor
        self.subject = subject
        self.mayUseTool = mayUseTool
    }
}

extension Catalog {
    /// Whether the tool named `name` only reads (its `readOnlyHint`); `nil` for a tool the catalog does not have.
    /// Transports that grant tools by scope use it for tools their table does not name.
    public func toolIsReadOnly(_ name: String) -> Bool? {
        tool(named: name)?.annotations.readOnlyHint
    }
}
