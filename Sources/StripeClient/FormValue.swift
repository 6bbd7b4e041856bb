/// A parameter value before form encoding: a scalar, or a nested object or array that Stripe's form
/// encoding flattens into bracketed names.
public indirect enum FormValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    /// Text, sent as it is.
    case string(String)
    /// A whole number, sent in decimal.
    case integer(Int)
    /// Sent as `true` or `false`.
    case boolean(Bool)
    /// Named fields, sent as `name[field]=…` in this order.
    case object([(String, FormValue)])
    /// Elements, sent as `name[]=…` for scalars and `name[0][field]=…` for objects and arrays.
    case array([FormValue])

    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer value.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }

    /// Key-value metadata as an object, ordered by key so that the encoding is the same every time.
    public static func metadata(_ metadata: [String: String]) -> FormValue {
        .object(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    /// The scalar's text, or `nil` for an object or array.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .object, .array: nil
        }
    }
}

/// One flattened form or query parameter: `metadata[order_id]` = `42`, not yet percent-encoded.
public struct FormField: Sendable, Hashable, CustomStringConvertible {
    /// The bracketed name, such as `line_items[0][price]`.
    public var name: String
    /// The value's text.
    public var value: String

    /// Creates a field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// `name=value`, unencoded, for test failure messages.
    public var description: String { "\(name)=\(value)" }
}
