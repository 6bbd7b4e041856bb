@testable import PaymentOpsMCP

/// Three customers, two per page, behind `customer://{email}`; holds customer data, so private.
struct CustomerResources: ResourceProvider {
    static let emails = ["ada@example.com", "bob@example.com", "cy@example.com"]
    let templates = [
        ResourceTemplate(uriTemplate: "customer://{email}", name: "customer", mimeType: "application/json")
    ]
    let cachePolicy = CachePolicy(ttlMs: 30_000, scope: .private)

    func list(cursor: String?) async throws -> ResourcePage {
        let start: Int
        if let cursor {
            guard let index = Int(cursor), index > 0, index < Self.emails.count else {
                throw RPCError.invalidParams("invalid cursor")
            }
            start = index
        } else {
            start = 0
        }
        let end = min(start + 2, Self.emails.count)
        let resources = Self.emails[start..<end].map { Resource(uri: "customer://\($0)", name: $0) }
        return ResourcePage(resources: resources, nextCursor: end < Self.emails.count ? String(end) : nil)
    }

    func read(uri: String) async throws -> ResourceContents? {
        guard uri.hasPrefix("customer://"), Self.emails.contains(String(uri.dropFirst(11))) else { return nil }
        return ResourceContents(uri: uri, mimeType: "application/json", text: "{\"email\":\"\(uri.dropFirst(11))\"}")
    }

    func complete(template: String, argument: String, prefix: String) async throws -> [String] {
        argument == "email" ? Self.emails.filter { $0.hasPrefix(prefix) } : []
    }
}

/// One public resource, listed after the customers.
struct StatusResource: ResourceProvider {
    let templates: [ResourceTemplate] = []
    let cachePolicy = CachePolicy(ttlMs: 60_000, scope: .public)

    func list(cursor: String?) async throws -> ResourcePage {
        ResourcePage(resources: [Resource(uri: "status://server", name: "status")], nextCursor: nil)
    }

    func read(uri: String) async throws -> ResourceContents? {
        uri == "status://server" ? ResourceContents(uri: uri, mimeType: "text/plain", text: "ok") : nil
    }
}

/// A prompt with one required argument that completes.
struct ReportPrompt: MCPPrompt {
    let name = "daily_report"
    let title = "Daily report"
    let description = "Revenue of one day."
    let arguments = [PromptArgument(name: "date", description: "YYYY-MM-DD", required: true)]

    func get(arguments: [String: String]) async throws -> PromptMessages {
        let date = arguments["date"] ?? ""
        return PromptMessages(description: "Report for \(date)", messages: [("user", "Summarise revenue on \(date).")])
    }

    func complete(argument: String, prefix: String) async throws -> [String] {
        (1...150).map { "2026-01-\($0)" }.filter { $0.hasPrefix(prefix) }
    }
}

/// The catalog of test-only entries, with handles on the slow tool and the refund counter.
struct TestCatalog {
    let gate = Gate()
    let refunds = Counter()
    let started: AsyncStream<Void>
    let catalog: Catalog

    init() {
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        self.started = started
        catalog = Catalog(
            instructions: "Test instructions.",
            tools: [
                EchoTool(), SlowTool(gate: gate, started: startedContinuation), ApprovalTool(refunds: refunds),
                ProgressTool(), FailingTool(),
            ],
            resources: [CustomerResources(), StatusResource()],
            prompts: [ReportPrompt()])
    }
}
