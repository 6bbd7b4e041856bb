import FoundationEssentials

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), for tokens and cursors.
enum Base64URL {
    /// Encodes bytes.
    static func encode(_ bytes: [UInt8]) -> String {
        // Byte by byte: `replacing` goes through generic string processing, and every page of orders has a cursor.
        let standard = Data(bytes).base64EncodedString().utf8.compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }
        return String(decoding: standard, as: UTF8.self)
    }

    /// Decodes text, or returns `nil` when it is not base64url.
    static func decode(_ text: String) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var standard = text.replacing("-", with: "+").replacing("_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map { Array($0) }
    }
}
