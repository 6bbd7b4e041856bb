/// Encodes an `Encodable` value straight into a `JSONValue`, with the output `JSONEncoder` would give under its
/// default strategies: keys are the `CodingKeys`' string values, `encodeNil` writes `null`, and `encodeIfPresent`
/// of `nil` leaves the key out.
///
/// Answers used to go `JSONEncoder` → bytes → parser → `JSONValue`; building the value directly skips the text
/// in between, which was most of a tool call's cost.
public enum JSONValueEncoder {
    /// The value as JSON.
    /// - Throws: `EncodingError.invalidValue` for a non-finite number; whatever the value's `encode(to:)` throws.
    public static func encode(_ value: some Encodable) throws -> JSONValue {
        try ValueEncoder.value(of: value, parent: nil, key: nil)
    }
}

/// One value being encoded: the `Encoder` its `encode(to:)` writes into, through whichever container it asks for.
private final class ValueEncoder: Encoder {
    /// What the value asked to be.
    private enum Shape {
        case nothing, single, keyed, unkeyed
    }

    private let parent: ValueEncoder?
    private let key: (any CodingKey)?
    private var shape = Shape.nothing
    private var single = JSONValue.null
    private var members: [String: JSONValue] = [:]
    private var elements: [JSONValue] = []
    /// Nested containers and super-encoders, whose values are complete only when the whole value is.
    private var pendingMembers: [(key: String, encoder: ValueEncoder)] = []
    private var pendingElements: [(index: Int, encoder: ValueEncoder)] = []

    private static let typicalMemberCount = 12

    private init(parent: ValueEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    /// Encodes `value` with a fresh encoder below `parent` and returns what it wrote.
    static func value(of value: some Encodable, parent: ValueEncoder?, key: (any CodingKey)?) throws -> JSONValue {
        let encoder = ValueEncoder(parent: parent, key: key)
        try value.encode(to: encoder)
        return encoder.resolved()
    }

    /// Built on demand from the parent chain: only error messages read it.
    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: ValueEncoder? = self
        while let current = node, let key = current.key {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Room for a typical answer object up front: growing a dictionary rehashes every key.
        if shape != .keyed { members.reserveCapacity(Self.typicalMemberCount) }
        shape = .keyed
        return KeyedEncodingContainer(KeyedContainer(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        shape = .unkeyed
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    /// The finished value; a value that encoded nothing is an empty object, as with `JSONEncoder`.
    private func resolved() -> JSONValue {
        switch shape {
        case .nothing: return .object([:])
        case .single: return single
        case .keyed:
            for pending in pendingMembers { members[pending.key] = pending.encoder.resolved() }
            return .object(members)
        case .unkeyed:
            for pending in pendingElements { elements[pending.index] = pending.encoder.resolved() }
            return .array(elements)
        }
    }

    fileprivate func set(_ value: JSONValue) {
        shape = .single
        single = value
    }

    fileprivate func set(_ value: JSONValue, forKey key: String) {
        members[key] = value
    }

    fileprivate func append(_ value: JSONValue) {
        elements.append(value)
    }

    /// A child encoder whose value becomes the member `key` once the whole value is done.
    fileprivate func pendingMember(_ key: any CodingKey) -> ValueEncoder {
        let child = ValueEncoder(parent: self, key: key)
        pendingMembers.append((key.stringValue, child))
        return child
    }

    /// A child encoder whose value becomes the next element once the whole value is done.
    fileprivate func pendingElement() -> ValueEncoder {
        let child = ValueEncoder(parent: self, key: IndexKey(elements.count))
        pendingElements.append((elements.count, child))
        elements.append(.null)
        return child
    }

    /// The JSON of a number, refusing what JSON cannot express as `JSONEncoder` does.
    fileprivate func number(_ number: Double, key: (any CodingKey)?) throws -> JSONValue {
        guard number.isFinite else {
            let path = codingPath + (key.map { [$0] } ?? [])
            throw EncodingError.invalidValue(
                number, EncodingError.Context(codingPath: path, debugDescription: "\(number) is not valid JSON"))
        }
        return .double(number)
    }

    /// The JSON of a fixed-width integer; magnitudes beyond `Int` become the nearest double.
    fileprivate static func integer(_ integer: some FixedWidthInteger) -> JSONValue {
        Int(exactly: integer).map(JSONValue.int) ?? .double(Double(integer))
    }
}

/// The key of an array element, for coding paths.
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) { encoder.set(.null, forKey: key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) { encoder.set(.bool(value), forKey: key.stringValue) }
    mutating func encode(_ value: String, forKey key: Key) { encoder.set(.string(value), forKey: key.stringValue) }
    mutating func encode(_ value: Int, forKey key: Key) { encoder.set(.int(value), forKey: key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.set(try encoder.number(value, key: key), forKey: key.stringValue)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        encoder.set(try encoder.number(Double(value), key: key), forKey: key.stringValue)
    }
    mutating func encode(_ value: Int8, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { integer(value, key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        encoder.set(try ValueEncoder.value(of: value, parent: encoder, key: key), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.pendingMember(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.pendingMember(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.pendingMember(SuperKey()) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.pendingMember(key) }

    private func integer(_ value: some FixedWidthInteger, _ key: Key) {
        encoder.set(ValueEncoder.integer(value), forKey: key.stringValue)
    }
}

/// `JSONEncoder`'s key for `superEncoder()`.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private(set) var count = 0

    init(encoder: ValueEncoder) { self.encoder = encoder }

    mutating func encodeNil() { append(.null) }
    mutating func encode(_ value: Bool) { append(.bool(value)) }
    mutating func encode(_ value: String) { append(.string(value)) }
    mutating func encode(_ value: Int) { append(.int(value)) }
    mutating func encode(_ value: Double) throws { append(try encoder.number(value, key: IndexKey(count))) }
    mutating func encode(_ value: Float) throws { append(try encoder.number(Double(value), key: IndexKey(count))) }
    mutating func encode(_ value: Int8) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int16) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int32) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int64) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) { append(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) { append(ValueEncoder.integer(value)) }

    mutating func encode(_ value: some Encodable) throws {
        append(try ValueEncoder.value(of: value, parent: encoder, key: IndexKey(count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        count += 1
        return encoder.pendingElement().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return encoder.pendingElement().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        count += 1
        return encoder.pendingElement()
    }

    private mutating func append(_ value: JSONValue) {
        encoder.append(value)
        count += 1
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() { encoder.set(.null) }
    mutating func encode(_ value: Bool) { encoder.set(.bool(value)) }
    mutating func encode(_ value: String) { encoder.set(.string(value)) }
    mutating func encode(_ value: Int) { encoder.set(.int(value)) }
    mutating func encode(_ value: Double) throws { encoder.set(try encoder.number(value, key: nil)) }
    mutating func encode(_ value: Float) throws { encoder.set(try encoder.number(Double(value), key: nil)) }
    mutating func encode(_ value: Int8) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int16) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int32) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int64) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) { encoder.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) { encoder.set(ValueEncoder.integer(value)) }

    mutating func encode(_ value: some Encodable) throws {
        // A single-value container holds the value itself, so it is encoded by this same encoder.
        try value.encode(to: encoder)
    }
}
