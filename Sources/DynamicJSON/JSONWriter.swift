/// Writes a `JSONValue` as compact UTF-8 JSON, by hand: `JSONEncoder` took a fifth of every response's time.
///
/// Object keys are sorted (as Swift orders strings: code point order for normalized text), so equal values always
/// give equal bytes. Strings escape `"`, `\`, every control character, and U+2028/U+2029 (which JavaScript treats
/// as line ends), so the output never holds a line break and can be framed as one line. Doubles are written in
/// their shortest round-trip form, without a `.0` suffix.
public struct JSONWriter: ~Copyable {
    /// A number JSON cannot express (NaN or an infinity).
    public struct NonFiniteNumber: Error, CustomStringConvertible {
        /// Why the value was refused.
        public var description: String { "JSON cannot express a non-finite number" }
    }

    private var buffer: ByteBuffer

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { buffer.array }

    /// Creates a writer whose buffer starts with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// Appends one value.
    /// - Throws: `NonFiniteNumber` when the value holds NaN or an infinity.
    public mutating func write(_ value: JSONValue) throws(NonFiniteNumber) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let integer): write(integer)
        case .double(let number): try write(number)
        case .string(let text): write(text)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                try write(element)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let members): try writeObject(members)
        }
    }

    /// Appends an object made of `members` and of `written`, members whose JSON text is already written, all in
    /// key order; a key in both takes the written value.
    /// - Throws: `NonFiniteNumber` when a member holds NaN or an infinity.
    public mutating func writeObject(_ members: [String: JSONValue], merging written: [String: JSONText] = [:])
        throws(NonFiniteNumber)
    {
        var keys = Array(members.keys)
        for key in written.keys where members[key] == nil { keys.append(key) }
        keys.sort()
        buffer.append(UInt8(ascii: "{"))
        for (index, key) in keys.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            write(key)
            buffer.append(UInt8(ascii: ":"))
            if let text = written[key] {
                append(text: text)
            } else if let value = members[key] {
                try write(value)
            }
        }
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends an object whose members `body` writes, each with `member(_:_:)`.
    public mutating func writeObject<Failure: Error>(_ body: (inout JSONWriter) throws(Failure) -> Void)
        throws(Failure)
    {
        buffer.append(UInt8(ascii: "{"))
        try body(&self)
        buffer.append(UInt8(ascii: "}"))
    }

    /// `member(_:_:)` for a member whose value `body` writes in place, such as an object assembled from parts.
    public mutating func member<Failure: Error>(
        _ key: StaticString, writing body: (inout JSONWriter) throws(Failure) -> Void
    ) throws(Failure) {
        writeKey(key)
        try body(&self)
    }

    /// `member(_:_:)` for a dynamic value.
    /// - Throws: `NonFiniteNumber` when the value holds NaN or an infinity.
    public mutating func member(_ key: StaticString, _ value: JSONValue) throws(NonFiniteNumber) {
        writeKey(key)
        try write(value)
    }

    /// Appends one member of the object `writeObject(_:)` is writing: a comma unless it is the first, then the key
    /// and the value.
    ///
    /// The key is written as it is, so it must be plain ASCII without quotes, backslashes or control characters, as
    /// the snake_case names of the server's answers are. Write members in key order to match what `write(_:)` makes
    /// of the same object as a `JSONValue`.
    public mutating func member(_ key: StaticString, _ value: some JSONWritable) {
        writeKey(key)
        value.write(to: &self)
    }

    /// `member(_:_:)` for a string, without the generic call: answers are mostly strings and integers, and a page of
    /// orders writes hundreds of them.
    public mutating func member(_ key: StaticString, _ value: String) {
        writeKey(key)
        write(value)
    }

    /// `member(_:_:)` for a string or `null`, without the generic call.
    public mutating func member(_ key: StaticString, _ value: String?) {
        writeKey(key)
        if let value { write(value) } else { append("null") }
    }

    /// `member(_:_:)` for an integer, without the generic call.
    public mutating func member(_ key: StaticString, _ value: Int) {
        writeKey(key)
        write(value)
    }

    /// The comma unless this is the object's first member, then the key and its colon.
    private mutating func writeKey(_ key: StaticString) {
        assert(
            UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount).allSatisfy {
                (0x20..<0x7F).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
            }, "a member key must be plain ASCII that needs no escape")
        if buffer.last != UInt8(ascii: "{") { buffer.append(UInt8(ascii: ",")) }
        buffer.append(UInt8(ascii: "\""))
        append(key)
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
    }

    /// Appends an array of `elements`.
    public mutating func writeArray(_ elements: some Sequence<some JSONWritable>) {
        buffer.append(UInt8(ascii: "["))
        for element in elements {
            if buffer.last != UInt8(ascii: "[") { buffer.append(UInt8(ascii: ",")) }
            element.write(to: &self)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Appends `text` as it is.
    mutating func append(text: JSONText) {
        text.bytes.withUnsafeBufferPointer { buffer.append($0) }
    }

    /// Appends a raw byte (the line feed that ends a message).
    public mutating func append(byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends a literal as it is: JSON text the caller knows is valid (`null`, `true`).
    mutating func append(_ literal: StaticString) {
        buffer.append(literal)
    }

    /// Appends an integer in decimal.
    mutating func write(_ integer: Int) {
        // Nineteen digits and a sign at most. Written right to left into a scratch buffer, then appended at once;
        // `magnitude` makes Int.min safe.
        let capacity = 20
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { digits in
            var start = capacity
            var magnitude = integer.magnitude
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if integer < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            buffer.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    private mutating func write(_ number: Double) throws(NonFiniteNumber) {
        guard number.isFinite else { throw NonFiniteNumber() }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        buffer.append(utf8: text)
    }

    /// Appends a string, quoted and escaped.
    mutating func write(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Eight bytes at a time while they are plain ASCII: answers are mostly text that needs no escape.
                if index + 8 <= utf8.count,
                    !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                let escapeLength: Int
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                    escapeLength = 1
                } else if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80,
                    utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
                {
                    escapeLength = 3
                } else {
                    index += 1
                    continue
                }
                buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(for: utf8, at: index)
                index += escapeLength
                runStart = index
            }
            buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a quote, a backslash, a control character or not ASCII (possibly U+2028/U+2029).
    ///
    /// Word-at-a-time tests: `(v - 0x01…) & ~v & 0x80…` is non-zero exactly when some byte of `v` is zero, and the
    /// same with `0x20…` when some byte is below 0x20. False positives only send bytes down the byte-by-byte path.
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highBits != 0 }
        let control = (word &- ones &* 0x20) & ~word & highBits != 0
        return word & highBits != 0 || control || hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte(word ^ (ones &* 0x5C))
    }

    /// Appends the escape for the byte (or the U+2028/U+2029 sequence) at `index`.
    private mutating func appendEscape(for utf8: UnsafeBufferPointer<UInt8>, at index: Int) {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0xE2: append(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
        default:
            append("\\u00")
            buffer.append(Self.hexDigits[Int(byte >> 4)])
            buffer.append(Self.hexDigits[Int(byte & 0xF)])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
