extension StringProtocol {
    /// The text without leading and trailing whitespace: spaces, tabs, line breaks and the other Unicode
    /// whitespace characters.
    ///
    /// Every layer trims what people and other systems type (emails, ids, settings, keys, header values) with this
    /// one definition, so that they all agree on what counts as surrounding space.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
