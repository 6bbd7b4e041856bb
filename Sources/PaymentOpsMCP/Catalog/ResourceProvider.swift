import DynamicJSON

/// Who may cache a result (2026-07-28 `cacheScope`): `private` when it holds customer data.
enum CacheScope: String, Sendable {
    /// Any cache may keep it.
    case `public`
    /// Only this user's client may keep it.
    case `private`
}

/// How long and by whom a result may be cached (2026-07-28 `ttlMs` and `cacheScope`).
struct CachePolicy: Sendable, Equatable {
    /// Milliseconds a client may reuse the result.
    let ttlMs: Int
    /// Who may keep it.
    let scope: CacheScope

    /// Static lists (tools, prompts, templates) do not change while the process runs.
    static let staticList = CachePolicy(ttlMs: 3_600_000, scope: .public)
}

/// A concrete resource in `resources/list`.
struct Resource: Sendable, Equatable {
    /// The resource's URI, e.g. `customer://ada@example.com`.
    let uri: String
    /// A short name.
    let name: String
    /// A human-readable title.
    var title: String?
    /// What it holds.
    var description: String?
    /// The MIME type of its contents.
    var mimeType: String?

    /// The resource as it appears in `resources/list`.
    var json: JSONValue {
        var object: [String: JSONValue] = ["uri": .string(uri), "name": .string(name)]
        if let title { object["title"] = .string(title) }
        if let description { object["description"] = .string(description) }
        if let mimeType { object["mimeType"] = .string(mimeType) }
        return .object(object)
    }
}

/// A URI template in `resources/templates/list`, e.g. `customer://{email}`.
struct ResourceTemplate: Sendable, Equatable {
    /// RFC 6570 template.
    let uriTemplate: String
    /// A short name.
    let name: String
    /// A human-readable title.
    var title: String?
    /// What the resources hold.
    var description: String?
    /// The MIME type of their contents.
    var mimeType: String?

    /// The template as it appears in `resources/templates/list`.
    var json: JSONValue {
        var object: [String: JSONValue] = ["uriTemplate": .string(uriTemplate), "name": .string(name)]
        if let title { object["title"] = .string(title) }
        if let description { object["description"] = .string(description) }
        if let mimeType { object["mimeType"] = .string(mimeType) }
        return .object(object)
    }
}

/// One page of a provider's resources; `nextCursor` is the provider's own, opaque to the engine.
struct ResourcePage: Sendable, Equatable {
    /// The resources on this page.
    let resources: [Resource]
    /// Where the next page starts, or `nil` on the last page.
    let nextCursor: String?
}

/// The text contents of one resource.
struct ResourceContents: Sendable, Equatable {
    /// The URI that was read.
    let uri: String
    /// The MIME type, e.g. `application/json`.
    let mimeType: String
    /// The contents.
    let text: String

    /// The contents as they appear in `resources/read`.
    var json: JSONValue {
        ["uri": .string(uri), "mimeType": .string(mimeType), "text": .string(text)]
    }
}

/// A family of resources: lists them page by page, reads them, and completes its templates.
protocol ResourceProvider: Sendable {
    /// The templates this provider answers, e.g. `customer://{email}`.
    var templates: [ResourceTemplate] { get }
    /// How its lists and contents may be cached.
    var cachePolicy: CachePolicy { get }

    /// One page of resources starting at `cursor` (the provider's own cursor, `nil` for the first page).
    /// - Throws: `RPCError.invalidParams` for a cursor it did not issue.
    func list(cursor: String?) async throws -> ResourcePage

    /// Reads `uri`; `nil` when the URI is not one of this provider's or the resource does not exist.
    func read(uri: String) async throws -> ResourceContents?

    /// Values completing `argument` of `template` that start with `prefix`.
    func complete(template: String, argument: String, prefix: String) async throws -> [String]
}

extension ResourceProvider {
    /// By default a provider offers no completions.
    func complete(template: String, argument: String, prefix: String) async throws -> [String] { [] }
}
