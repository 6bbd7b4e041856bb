import PaymentCore

/// The engine's opaque `resources/list` cursor: which provider, and that provider's own cursor.
///
/// An `OpaqueCursor`, the same codec as every other cursor; anything that does not decode is an invalid cursor.
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
        guard let text = OpaqueCursor.decode(encoded), let colon = text.firstIndex(of: ":"),
            let provider = Int(text[..<colon]), provider >= 0
        else { return nil }
        let inner = text[text.index(after: colon)...]
        self.provider = provider
        self.inner = inner.isEmpty ? nil : String(inner)
    }

    /// The cursor as sent to the client.
    var encoded: String {
        OpaqueCursor.encode("\(provider):\(inner ?? "")")
    }
}
