/// A request as the fake received it, for tests to check exactly what the client sent.
public struct FakeRequest: Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path without the query, still percent-encoded: `/v1/customers/cus_123`.
    public var path: String
    /// The query string as sent, without `?`; empty when there was none.
    public var rawQuery: String
    /// The header lines, in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body as sent (a form-encoded string for Stripe's POSTs).
    public var body: String
    /// Which TCP connection carried the request: 1 for the first one the fake accepted.
    public var connectionNumber: Int

    /// The query's parameters, decoded, in order.
    public var queryItems: [(name: String, value: String)] { Self.decodeForm(rawQuery) }
    /// The form body's parameters, decoded, in order.
    public var formItems: [(name: String, value: String)] { Self.decodeForm(body) }

    /// The last value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lowercased = name.lowercased()
        return headers.last { $0.name.lowercased() == lowercased }?.value
    }

    /// The last value of a query parameter.
    public func queryValue(_ name: String) -> String? { queryItems.last { $0.name == name }?.value }

    /// The last value of a form parameter.
    public func formValue(_ name: String) -> String? { formItems.last { $0.name == name }?.value }

    /// The parameters of the query (GET) or body (POST), whichever the method uses.
    var parameters: [(name: String, value: String)] { method == "POST" ? formItems : queryItems }

    /// Decodes `a=1&b%5B0%5D=x+y` into pairs, as a form parser does (`+` is a space).
    public static func decodeForm(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (percentDecode(parts[0]), parts.count > 1 ? percentDecode(parts[1]) : "")
        }
    }

    /// Decodes `%XX` escapes and `+` (a space in forms).
    static func percentDecode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
