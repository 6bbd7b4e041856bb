/// A strict RFC 8259 reader of one JSON text from UTF-8 bytes, written by hand because decoding `JSONValue`
/// through `JSONDecoder` and `Codable` cost more than everything else a request does.
///
/// Refuses trailing commas, leading zeros, unescaped control characters, unknown or lone-surrogate escapes,
/// invalid UTF-8, numbers beyond `Double`, nesting deeper than its limit and anything after the value. Integral
/// numbers that fit in `Int` become `.int` (as `1.0` and `1e2` did under `JSONDecoder`); a repeated object key
/// keeps its last value, as JavaScript and Python clients read it. Recursion is bounded by the depth limit.
struct JSONParser {
    /// The text is not one valid JSON value; `JSONCodec` works out which rule it broke.
    struct Failure: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var position = 0
    private var depth = 0
    /// Reused for strings that hold escapes, so each one does not allocate its own scratch buffer.
    private var scratch: [UInt8] = []

    /// Parses `bytes` as exactly one JSON value, optionally surrounded by whitespace.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw Failure() }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw Failure() }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enterContainer()
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(members)
        }
        repeat {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw Failure() }
            let key = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw Failure() }
            members[key] = try value()
            skipWhitespace()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { throw Failure() }
        depth -= 1
        return .object(members)
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        repeat {
            elements.append(try value())
            skipWhitespace()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "]")) else { throw Failure() }
        depth -= 1
        return .array(elements)
    }

    /// Steps over the opening bracket, refusing to nest deeper than the limit.
    private mutating func enterContainer() throws(Failure) {
        depth += 1
        guard depth <= maximumDepth else { throw Failure() }
        position += 1
    }

    /// Reads a string whose opening quote is at `position`.
    private mutating func string() throws(Failure) -> String {
        position += 1
        let start = position
        var isASCII = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return try Self.text(text, isASCII: isASCII)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw Failure() }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        throw Failure()
    }

    /// Finishes a string that holds escapes, decoding them into `scratch`.
    private mutating func escapedString(from start: Int) throws(Failure) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try scratch.withUnsafeBufferPointer { buffer throws(Failure) in
                    try Self.text(buffer, isASCII: false)
                }
            case UInt8(ascii: "\\"): try escape()
            case 0..<0x20: throw Failure()
            default: scratch.append(byte)
            }
        }
        throw Failure()
    }

    /// Decodes the escape after a backslash into `scratch`.
    private mutating func escape() throws(Failure) {
        guard position < bytes.count else { throw Failure() }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): appendUTF8(of: try unicodeEscape())
        default: throw Failure()
        }
    }

    /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
    private mutating func unicodeEscape() throws(Failure) -> UInt32 {
        let unit = try hexQuad()
        switch unit {
        case 0xD800..<0xDC00:
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else { throw Failure() }
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw Failure() }
            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00..<0xE000: throw Failure()
        default: return unit
        }
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        guard bytes.count - position >= 4 else { throw Failure() }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure()
            }
            unit = unit << 4 | UInt32(digit)
            position += 1
        }
        return unit
    }

    private mutating func appendUTF8(of scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Makes a `String` of the bytes, refusing invalid UTF-8; pure ASCII needs no validation.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) throws(Failure) -> String {
        if isASCII { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Failure() }
        return text
    }

    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(Failure) -> JSONValue {
        let start = position
        _ = consume(UInt8(ascii: "-"))
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw Failure()
        }
        var isIntegerSyntax = true
        if consume(UInt8(ascii: ".")) {
            guard digits() > 0 else { throw Failure() }
            isIntegerSyntax = false
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
            guard digits() > 0 else { throw Failure() }
            isIntegerSyntax = false
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isIntegerSyntax, let integer = Self.integer(text) { return .int(integer) }
        // A number beyond Double's range is still valid JSON: it becomes ±infinity, so that the request it came in
        // is answered with its id (a bound or type error) instead of as an unparseable line.
        guard let number = Double(String(decoding: text, as: UTF8.self)) else { throw Failure() }
        if let integer = Int(exactly: number) { return .int(integer) }
        return .double(number)
    }

    /// The value of an optionally negative run of digits, or nil when it overflows `Int`.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let isNegative = text[0] == UInt8(ascii: "-")
        var value = 0
        for byte in text[(isNegative ? 1 : 0)...] {
            let digit = Int(byte - UInt8(ascii: "0"))
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) =
                isNegative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = next
        }
        return value
    }

    /// Skips decimal digits and returns how many there were.
    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        return position - start
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw Failure() }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw Failure() }
        position += count
    }

    /// Steps over `byte` when it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }
}
