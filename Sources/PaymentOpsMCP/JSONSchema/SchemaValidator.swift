import DynamicJSON

/// Checks tool arguments against a tool's input schema: the one place arguments are validated.
///
/// Supports the JSON Schema subset tools use: `type` (one or a list), `properties`, `required`,
/// `additionalProperties: false`, `enum`, `const`, `minimum`/`maximum` and their exclusive forms,
/// `minLength`/`maxLength` (in Unicode scalars), `pattern` (unanchored, Swift `Regex` syntax),
/// `items`, `minItems`/`maxItems`. Other keywords are ignored.
enum SchemaValidator {
    /// Validates `arguments` against `schema`.
    /// - Returns: the arguments with integral numbers normalized to `.int` where `integer` is expected.
    /// - Throws: `SchemaViolation` listing every problem, each naming the field and what was expected.
    static func validate(_ arguments: [String: JSONValue], against schema: JSONValue) throws(SchemaViolation)
        -> [String: JSONValue]
    {
        var problems: [String] = []
        let normalized = check(.object(arguments), schema: schema, path: "", problems: &problems)
        guard problems.isEmpty, case .object(let result) = normalized else {
            throw SchemaViolation(problems: problems)
        }
        return result
    }

    private static func check(_ value: JSONValue, schema: JSONValue, path: String, problems: inout [String])
        -> JSONValue
    {
        guard case .object(let rules) = schema else { return value }
        var value = value
        if let expected = rules["type"] {
            let types = expected.arrayValue?.compactMap(\.stringValue) ?? expected.stringValue.map { [$0] } ?? []
            guard let matched = conform(value, to: types) else {
                if types.contains("integer"), case .double(let number) = value, number.rounded() == number {
                    // A whole number too large for an integer: its bounds say more than its type.
                    problems.append("\(subject(path)) is out of range for a whole number.")
                    checkNumber(value, rules: rules, path: path, problems: &problems)
                } else {
                    let article = types.map(describe).joined(separator: " or ")
                    problems.append("\(subject(path)) must be \(article), not \(describe(value.typeName)).")
                }
                return value
            }
            value = matched
        }
        if let allowed = rules["enum"]?.arrayValue, !allowed.contains(value) {
            let list = allowed.map(literal).joined(separator: ", ")
            problems.append("\(subject(path)) must be one of \(list).")
        }
        if let constant = rules["const"], constant != value {
            problems.append("\(subject(path)) must be \(literal(constant)).")
        }
        switch value {
        case .string(let text): checkString(text, rules: rules, path: path, problems: &problems)
        case .int, .double: checkNumber(value, rules: rules, path: path, problems: &problems)
        case .array(let items): value = checkArray(items, rules: rules, path: path, problems: &problems)
        case .object(let members): value = checkObject(members, rules: rules, path: path, problems: &problems)
        case .null, .bool: break
        }
        return value
    }

    /// The value converted to the first listed type it fits, or `nil` when it fits none.
    private static func conform(_ value: JSONValue, to types: [String]) -> JSONValue? {
        for type in types {
            switch (type, value) {
            case ("integer", .int), ("number", .int), ("number", .double), ("string", .string),
                ("boolean", .bool), ("object", .object), ("array", .array), ("null", .null):
                return value
            case ("integer", .double(let number)):
                if number.rounded() == number, let integer = Int(exactly: number) { return .int(integer) }
            default: continue
            }
        }
        return nil
    }

    private static func checkString(_ text: String, rules: [String: JSONValue], path: String, problems: inout [String])
    {
        let length = text.unicodeScalars.count
        if let minimum = rules["minLength"]?.intValue, length < minimum {
            problems.append("\(subject(path)) must be at least \(characters(minimum)) long.")
        }
        if let maximum = rules["maxLength"]?.intValue, length > maximum {
            problems.append("\(subject(path)) must be at most \(characters(maximum)) long.")
        }
        if let pattern = rules["pattern"]?.stringValue {
            let matches = (try? Regex(pattern)).map { text.contains($0) } ?? false
            if !matches { problems.append("\(subject(path)) must match the pattern \(pattern).") }
        }
    }

    private static func checkNumber(
        _ value: JSONValue, rules: [String: JSONValue], path: String, problems: inout [String]
    ) {
        guard let number = value.numberValue else { return }
        let bounds: [(keyword: String, fails: (Double, Double) -> Bool, phrase: String)] = [
            ("minimum", { $0 < $1 }, "at least"), ("maximum", { $0 > $1 }, "at most"),
            ("exclusiveMinimum", { $0 <= $1 }, "greater than"), ("exclusiveMaximum", { $0 >= $1 }, "less than"),
        ]
        for bound in bounds {
            if let limit = rules[bound.keyword], let limitValue = limit.numberValue, bound.fails(number, limitValue) {
                problems.append("\(subject(path)) must be \(bound.phrase) \(literal(limit)).")
            }
        }
    }

    private static func checkArray(
        _ items: [JSONValue], rules: [String: JSONValue], path: String, problems: inout [String]
    )
        -> JSONValue
    {
        if let minimum = rules["minItems"]?.intValue, items.count < minimum {
            problems.append("\(subject(path)) must have at least \(minimum) item\(minimum == 1 ? "" : "s").")
        }
        if let maximum = rules["maxItems"]?.intValue, items.count > maximum {
            problems.append("\(subject(path)) must have at most \(maximum) item\(maximum == 1 ? "" : "s").")
        }
        guard let itemSchema = rules["items"] else { return .array(items) }
        return .array(
            items.enumerated().map { index, item in
                check(item, schema: itemSchema, path: "\(path)[\(index)]", problems: &problems)
            })
    }

    private static func checkObject(
        _ members: [String: JSONValue], rules: [String: JSONValue], path: String, problems: inout [String]
    ) -> JSONValue {
        let properties = rules["properties"]?.objectValue ?? [:]
        var result = members
        if rules["additionalProperties"] == false {
            for key in members.keys.sorted() where properties[key] == nil {
                let allowed = properties.keys.sorted().joined(separator: ", ")
                problems.append("\(subject(join(path, key))) is not allowed; allowed: \(allowed).")
            }
        }
        for case .string(let key) in rules["required"]?.arrayValue ?? [] where members[key] == nil {
            problems.append("\(subject(join(path, key))) is required.")
        }
        for key in members.keys.sorted() {
            guard let member = members[key], let propertySchema = properties[key] else { continue }
            result[key] = check(member, schema: propertySchema, path: join(path, key), problems: &problems)
        }
        return .object(result)
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private static func subject(_ path: String) -> String {
        path.isEmpty ? "The arguments" : "\"\(path)\""
    }

    private static func characters(_ count: Int) -> String {
        count == 1 ? "1 character" : "\(count) characters"
    }

    private static func describe(_ type: String) -> String {
        switch type {
        case "integer", "object", "array": "an \(type)"
        case "null": "null"
        default: "a \(type)"
        }
    }

    private static func literal(_ value: JSONValue) -> String {
        (try? JSONCodec.string(value)) ?? value.typeName
    }
}

/// Arguments that do not fit a tool's input schema; answered as an `isError` tool result.
struct SchemaViolation: Error, Equatable {
    /// One sentence per problem, each naming the field and what was expected.
    let problems: [String]

    /// The message the model reads.
    var message: String {
        "Invalid arguments: " + problems.joined(separator: " ")
    }
}
