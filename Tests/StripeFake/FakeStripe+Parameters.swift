import DynamicJSON

extension FakeStripe {
    /// A request's decoded form or query parameters, read the way Stripe's API reads them.
    struct Parameters {
        private let items: [(name: String, value: String)]

        init(_ items: [(name: String, value: String)]) {
            self.items = items
        }

        /// The last value of a parameter.
        subscript(name: String) -> String? { items.last { $0.name == name }?.value }

        /// A parameter as a whole number, or `nil` when absent or not a number.
        func integer(_ name: String) -> Int? { self[name].flatMap { Int($0) } }

        /// Whether a parameter is `true`.
        func flag(_ name: String) -> Bool { self[name] == "true" }

        /// The `expand[]` (or `expand[0]`) values.
        var expansions: Set<String> {
            Set(items.filter { $0.name == "expand[]" || $0.name.hasPrefix("expand[") }.map(\.value))
        }

        /// The members of a nested parameter: `metadata[a]=1` gives `["a": "1"]`.
        func members(of name: String) -> [String: String] {
            var members: [String: String] = [:]
            for item in items where item.name.hasPrefix(name + "[") && item.name.hasSuffix("]") {
                members[String(item.name.dropFirst(name.count + 1).dropLast())] = item.value
            }
            return members
        }

        /// Metadata as a JSON object.
        var metadata: JSONValue { .object(members(of: "metadata").mapValues(JSONValue.string)) }

        /// Whether any parameter has this name or is nested below it.
        func contains(_ name: String) -> Bool {
            items.contains { $0.name == name || $0.name.hasPrefix(name + "[") }
        }
    }
}
