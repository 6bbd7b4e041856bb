import DynamicJSON

extension Server {
    /// `resources/list`: the providers' resources, one provider page at a time, behind an opaque cursor.
    func listResources(_ scope: RequestScope) async throws -> MethodResult {
        var cursor = PageCursor(provider: 0, inner: nil)
        if let encoded = try scope.optionalString("cursor") {
            guard let decoded = PageCursor(encoded: encoded), decoded.provider < catalog.resources.count else {
                throw RPCError.invalidParams("invalid cursor")
            }
            cursor = decoded
        }
        var fields: [String: JSONValue] = ["resources": []]
        if cursor.provider < catalog.resources.count {
            let page = try await catalog.resources[cursor.provider].list(cursor: cursor.inner)
            fields["resources"] = .array(page.resources.map(\.json))
            if let inner = page.nextCursor {
                fields["nextCursor"] = .string(PageCursor(provider: cursor.provider, inner: inner).encoded)
            } else if cursor.provider + 1 < catalog.resources.count {
                fields["nextCursor"] = .string(PageCursor(provider: cursor.provider + 1, inner: nil).encoded)
            }
        }
        return MethodResult(fields, cache: catalog.resourceListPolicy)
    }

    /// `resources/templates/list`: every provider's templates, unpaginated.
    func listResourceTemplates(_ scope: RequestScope) throws(RPCError) -> MethodResult {
        try Self.refuseCursor(scope)
        let templates = catalog.resources.flatMap(\.templates).map(\.json)
        return MethodResult(["resourceTemplates": .array(templates)], cache: .staticList)
    }

    /// `resources/read`: the first provider that knows the URI answers; unknown URIs are
    /// `-32002` in the handshake era and `-32602` in 2026-07-28, both with `data.uri`.
    func readResource(_ scope: RequestScope) async throws -> MethodResult {
        let uri = try scope.string("uri")
        for provider in catalog.resources {
            if let contents = try await provider.read(uri: uri) {
                return MethodResult(["contents": [contents.json]], cache: provider.cachePolicy)
            }
        }
        if case .stateless = scope.era {
            throw RPCError.invalidParams("resource not found", data: ["uri": .string(uri)])
        }
        throw RPCError.resourceNotFound(uri)
    }

    /// `prompts/list`: every prompt, unpaginated.
    func listPrompts(_ scope: RequestScope) throws(RPCError) -> MethodResult {
        try Self.refuseCursor(scope)
        let prompts = catalog.prompts.map { prompt -> JSONValue in
            [
                "name": .string(prompt.name), "title": .string(prompt.title),
                "description": .string(prompt.description), "arguments": .array(prompt.arguments.map(\.json)),
            ]
        }
        return MethodResult(["prompts": .array(prompts)], cache: .staticList)
    }

    /// `prompts/get`: checks the name, the argument types and the required arguments first.
    func getPrompt(_ scope: RequestScope) async throws -> MethodResult {
        let name = try scope.string("name")
        guard let prompt = catalog.prompt(named: name) else {
            throw RPCError.invalidParams("unknown prompt \"\(name)\"")
        }
        let arguments = try Self.stringArguments(try scope.optionalObject("arguments") ?? [:], field: "arguments")
        for argument in prompt.arguments where argument.required && arguments[argument.name] == nil {
            throw RPCError.invalidParams("prompt \"\(name)\" requires the argument \"\(argument.name)\"")
        }
        return MethodResult(try await prompt.get(arguments: arguments).json)
    }

    /// `completion/complete`: values for a prompt argument or a resource template variable.
    func complete(_ scope: RequestScope) async throws -> MethodResult {
        guard let reference = try scope.optionalObject("ref"), let type = reference["type"]?.stringValue else {
            throw RPCError.invalidParams("\"ref\" must be an object with a \"type\"")
        }
        guard let argument = try scope.optionalObject("argument"), let argumentName = argument["name"]?.stringValue,
            let prefix = argument["value"]?.stringValue
        else {
            throw RPCError.invalidParams("\"argument\" must be an object with string \"name\" and \"value\"")
        }
        let values: [String]
        switch (type, reference["name"]?.stringValue, reference["uri"]?.stringValue) {
        case ("ref/prompt", let name?, _):
            guard let prompt = catalog.prompt(named: name) else {
                throw RPCError.invalidParams("unknown prompt \"\(name)\"")
            }
            values = try await prompt.complete(argument: argumentName, prefix: prefix)
        case ("ref/resource", _, let uri?):
            guard let provider = catalog.provider(forTemplate: uri) else {
                throw RPCError.invalidParams("unknown resource template \"\(uri)\"")
            }
            values = try await provider.complete(template: uri, argument: argumentName, prefix: prefix)
        default:
            throw RPCError.invalidParams("\"ref\" must be a ref/prompt with a name or a ref/resource with a uri")
        }
        let shown = values.prefix(options.maximumCompletions)
        return MethodResult([
            "completion": [
                "values": .array(shown.map(JSONValue.string)), "total": .int(values.count),
                "hasMore": .bool(values.count > shown.count),
            ]
        ])
    }

    private static func stringArguments(_ object: [String: JSONValue], field: String) throws(RPCError)
        -> [String: String]
    {
        var arguments: [String: String] = [:]
        for (key, value) in object {
            guard let text = value.stringValue else { throw .invalidParams("\(field).\(key) must be a string") }
            arguments[key] = text
        }
        return arguments
    }
}
