/// Any JSON value: the one dynamic type of the protocol layer.
///
/// Typed structs are used where a shape is known; `JSONValue` carries what is open-ended
/// (tool arguments, schemas, `_meta`). Accessors are strict: `intValue` of `"3"` is `nil`.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The boolean, when this is a boolean.
    var boolValue: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    /// The integer, when this is an integer.
    var intValue: Int? {
        guard case .int(let value) = self else { return nil }
        return value
    }

    /// The number as a `Double`, when this is an integer or a floating-point number.
    var numberValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The string, when this is a string.
    var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The elements, when this is an array.
    var arrayValue: [JSONValue]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    /// The members, when this is an object.
    var objectValue: [String: JSONValue]? {
        guard case .object(let value) = self else { return nil }
        return value
    }

    /// Whether this is `null`.
    var isNull: Bool { self == .null }

    /// The member named `key`, when this is an object that has it.
    subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The JSON Schema type name of this value (`integer` for integers, `number` for other numbers).
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value; integers that fit in `Int` stay integers.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value as the JSON it stands for.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// No `ExpressibleByNilLiteral`: with it, `nil` in an `Optional<JSONValue>` context silently
/// becomes `.null` instead of "absent". Write `.null` for JSON null.
extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    /// A boolean literal.
    init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal.
    init(integerLiteral value: Int) { self = .int(value) }
    /// A floating-point literal.
    init(floatLiteral value: Double) { self = .double(value) }
    /// A string literal.
    init(stringLiteral value: String) { self = .string(value) }
    /// An array literal.
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal; a repeated key keeps its last value.
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
