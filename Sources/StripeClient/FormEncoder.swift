/// Encodes parameters as Stripe's SDKs do, for POST bodies and GET query strings alike.
///
/// Nested objects become `a[b]=v`, arrays of objects `a[0][b]=v`, arrays of scalars `a[]=v`, booleans
/// `true`/`false`. Names and values are percent-encoded except for RFC 3986's unreserved characters; the
/// brackets in names stay literal, as the SDKs leave them, which Stripe accepts and which keeps bodies readable.
public enum FormEncoder {
    /// Flattens named values into fields, in order.
    public static func fields(_ parameters: [(String, FormValue)]) -> [FormField] {
        var fields: [FormField] = []
        for (name, value) in parameters {
            flatten(value, named: name, into: &fields)
        }
        return fields
    }

    /// Joins fields into `name=value&name=value`, percent-encoded.
    public static func encode(_ fields: [FormField]) -> String {
        fields.map { percentEncode($0.name, keepingBrackets: true) + "=" + percentEncode($0.value) }
            .joined(separator: "&")
    }

    /// Percent-encodes UTF-8 text, keeping unreserved characters (and, in names, square brackets).
    public static func percentEncode(_ text: String, keepingBrackets: Bool = false) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingBrackets && (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]"))) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return encoded
    }

    private static let hexDigits = Array("0123456789ABCDEF").map(String.init)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func flatten(_ value: FormValue, named name: String, into fields: inout [FormField]) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                flatten(member, named: "\(name)[\(key)]", into: &fields)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                let elementName = element.scalarText == nil ? "\(name)[\(index)]" : "\(name)[]"
                flatten(element, named: elementName, into: &fields)
            }
        case .string, .integer, .boolean:
            if let text = value.scalarText { fields.append(FormField(name, text)) }
        }
    }
}
