/// Why a line could not be read as JSON; the message is safe to send back to the client.
public struct JSONParseError: Error, Equatable {
    /// What was wrong with the bytes.
    public let reason: String
}

/// Reads and writes JSON for the wire: defensive on input, compact single-line on output.
public enum JSONCodec {
    /// The deepest array/object nesting accepted; deeper input is refused as soon as the parser reaches it,
    /// so hostile input cannot exhaust the stack of the recursive parser.
    public static let maximumDepth = 128

    /// Parses one message.
    /// - Throws: `JSONParseError` for invalid UTF-8, nesting deeper than `maximumDepth`, or invalid JSON
    ///   (checked in that order, so a line that breaks several rules always gets the same answer).
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let value =
            bytes.withContiguousStorageIfAvailable(parseContiguous)
            ?? Array(bytes).withUnsafeBufferPointer(parseContiguous)
        guard let value else { throw refusal(of: bytes) }
        return value
    }

    private static func parseContiguous(_ buffer: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        try? JSONParser.parse(buffer, maximumDepth: maximumDepth)
    }

    /// Says which rule a line the parser refused broke first.
    private static func refusal(of bytes: some Collection<UInt8>) -> JSONParseError {
        if String(validating: bytes, as: UTF8.self) == nil {
            return JSONParseError(reason: "the line is not valid UTF-8")
        }
        if nestingDepth(of: bytes) > maximumDepth {
            return JSONParseError(reason: "JSON nested deeper than \(maximumDepth) levels")
        }
        return JSONParseError(reason: "the line is not valid JSON")
    }

    /// Parses a string; convenient for tests and literals.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The deepest nesting of arrays and objects, ignoring brackets inside strings.
    public static func nestingDepth(of bytes: some Collection<UInt8>) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// Encodes a value as compact JSON on one line (no trailing newline).
    ///
    /// Control characters, U+2028 and U+2029 inside strings are escaped, so the result never contains a line
    /// break and is safe to frame as one line.
    /// - Throws: `JSONWriter.NonFiniteNumber` when the value holds a non-finite number.
    public static func encode(_ value: JSONValue) throws -> [UInt8] {
        var writer = JSONWriter()
        try writer.write(value)
        return writer.bytes
    }

    /// Encodes a value as one protocol line: compact JSON followed by a line feed.
    /// - Throws: `JSONWriter.NonFiniteNumber` when the value holds a non-finite number.
    public static func encodeLine(_ value: JSONValue) throws -> [UInt8] {
        var writer = JSONWriter()
        try writer.write(value)
        writer.append(byte: UInt8(ascii: "\n"))
        return writer.bytes
    }

    /// Encodes a value as a compact JSON string.
    public static func string(_ value: JSONValue) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}
