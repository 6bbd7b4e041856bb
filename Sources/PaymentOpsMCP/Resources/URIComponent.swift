/// Percent-encoding of the values that fill the resource URI templates (`customer://{email}`).
///
/// Clients expand `{email}` by RFC 6570 rules, which turn `@` into `%40`; the server lists URIs with `@` and `+`
/// as they are, which is how people write them. Both forms read the same resource.
enum URIComponent {
    /// Bytes written as they are: RFC 3986 unreserved characters, and `@` and `+`, which emails use.
    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "-._~@+".utf8.contains(byte)
        }
    }

    /// The value with every other byte of its UTF-8 written `%XX`.
    static func encode(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            if isKept(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return encoded
    }

    /// The value with its `%XX` escapes decoded; `nil` when an escape is malformed or the bytes are not UTF-8.
    static func decode(_ component: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        var rest = Substring(component).utf8[...]
        while let byte = rest.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(value)
            rest = rest.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
