/// The JSON text of one value, written once: a larger document takes it in as it is, without building or parsing
/// it again.
public struct JSONText: Sendable, Hashable, JSONWritable {
    /// The UTF-8 JSON text.
    public let bytes: [UInt8]

    /// Writes `value`.
    public init(_ value: some JSONWritable) {
        var writer = JSONWriter()
        value.write(to: &writer)
        bytes = writer.bytes
    }

    /// Writes a dynamic value.
    /// - Throws: `JSONWriter.NonFiniteNumber` when the value holds NaN or an infinity.
    public init(_ value: JSONValue) throws(JSONWriter.NonFiniteNumber) {
        var writer = JSONWriter()
        try writer.write(value)
        bytes = writer.bytes
    }

    /// The text as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends the text as it is.
    public func write(to writer: inout JSONWriter) { writer.append(text: self) }
}
