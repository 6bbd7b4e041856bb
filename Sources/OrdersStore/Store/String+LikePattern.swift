extension String {
    /// A LIKE pattern (with `ESCAPE '\'`) matching text that starts with this string literally: its `%`, `_` and
    /// `\` escaped. Both engines' email completion use it.
    var likePrefixPattern: String {
        var pattern = ""
        for character in self {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}
