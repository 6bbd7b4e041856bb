import FoundationEssentials

/// Why a line could not be read as JSON; the message is safe to send back to the client.
struct JSONParseError: Error, Equatable {
    /// What was wrong with the bytes.
    let reason: String
}

/// Reads and writes JSON for the wire: defensive on input, compact single-line on output.
enum JSONCodec {
    /// The deepest array/object nesting accepted; deeper input is refused before decoding,
    /// so hostile input cannot exhaust the stack of a recursive decoder.
    static let maximumDepth = 128

    /// Parses one message.
    /// - Throws: `JSONParseError` for invalid UTF-8, nesting deeper than `maximumDepth`, or invalid JSON.
    static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw JSONParseError(reason: "the line is not valid UTF-8")
        }
        guard nestingDepth(of: bytes) <= maximumDepth else {
            throw JSONParseError(reason: "JSON nested deeper than \(maximumDepth) levels")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw JSONParseError(reason: "the line is not valid JSON")
        }
    }

    /// Parses a string; convenient for tests and literals.
    static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The deepest nesting of arrays and objects, ignoring brackets inside strings.
    static func nestingDepth(of bytes: some Collection<UInt8>) -> Int {
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
    /// Control characters inside strings are escaped by the encoder, so the result never
    /// contains a raw newline and is safe to frame as one line.
    /// - Throws: `EncodingError` when the value holds a non-finite number.
    static func encode(_ value: JSONValue) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Encodes a value as a compact JSON string.
    static func string(_ value: JSONValue) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}
