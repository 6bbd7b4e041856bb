extension [UInt8] {
    /// Appends the text's UTF-8 bytes in one copy.
    ///
    /// `append(contentsOf: text.utf8)` goes byte by byte for short strings; text renderers append many of those.
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
