import PaymentCore
import Whitespace

/// A parser for `.env` files: `KEY=value` lines, `#` comments, an optional `export ` prefix, and single- or
/// double-quoted values.
enum DotEnv {
    /// Parses the text of a `.env` file.
    ///
    /// - Throws: `ConfigurationError` naming the line that is not `KEY=value`.
    static func parse(_ text: String, source: String) throws(ConfigurationError) -> [String: String] {
        var values: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)) }
            guard let equals = line.firstIndex(of: "="),
                case let key = String(line[..<equals]).trimmingWhitespace(),
                isValidKey(key)
            else {
                throw ConfigurationError("\(source):\(index + 1): expected KEY=value")
            }
            values[key] = try value(line[line.index(after: equals)...], source: source, line: index + 1)
        }
        return values
    }

    /// A shell variable name: ASCII letters, digits and `_`, not starting with a digit.
    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return key.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
    }

    private static func value(_ raw: Substring, source: String, line: Int) throws(ConfigurationError) -> String {
        let text = String(raw).trimmingWhitespace()
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            // An unquoted value ends at an inline comment.
            if let hash = text.firstRange(of: " #") { return String(text[..<hash.lowerBound]).trimmingWhitespace() }
            return text
        }
        guard text.count >= 2, text.last == quote else {
            throw ConfigurationError("\(source):\(line): the value's closing \(quote) is missing")
        }
        let inner = String(text.dropFirst().dropLast())
        guard quote == "\"" else { return inner }
        return inner.replacing("\\n", with: "\n").replacing("\\\"", with: "\"").replacing("\\\\", with: "\\")
    }
}
