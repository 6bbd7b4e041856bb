/// The engine's opaque `resources/list` cursor: which provider, and that provider's own cursor.
///
/// Hex-encoded so clients treat it as opaque; anything that does not decode is an invalid cursor.
struct PageCursor: Equatable {
    /// Index of the provider in the catalog.
    let provider: Int
    /// The provider's own cursor, `nil` for its first page.
    let inner: String?

    /// Creates a cursor.
    init(provider: Int, inner: String?) {
        self.provider = provider
        self.inner = inner
    }

    /// Decodes a cursor the engine issued; `nil` for anything else.
    init?(encoded: String) {
        let utf8 = Array(encoded.utf8)
        guard !utf8.isEmpty, utf8.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: utf8.count, by: 2) {
            guard let byte = UInt8(String(decoding: utf8[index...index + 1], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        guard let text = String(validating: bytes, as: UTF8.self), let colon = text.firstIndex(of: ":"),
            let provider = Int(text[..<colon]), provider >= 0
        else { return nil }
        let inner = text[text.index(after: colon)...]
        self.provider = provider
        self.inner = inner.isEmpty ? nil : String(inner)
    }

    /// The cursor as sent to the client.
    var encoded: String {
        Array("\(provider):\(inner ?? "")".utf8).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
