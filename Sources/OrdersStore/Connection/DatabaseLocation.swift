import Whitespace

/// Where the orders database lives: in memory, or in a file.
public enum DatabaseLocation: Sendable, Equatable {
    /// A private in-memory database that disappears with its connection (tests, demos).
    case memory
    /// A database file; a relative path is relative to the working directory.
    case file(path: String)

    /// Parses a `DATABASE_URL`.
    ///
    /// Accepts the forms SQLAlchemy users know: `sqlite:///relative.db`, `sqlite:////absolute.db`,
    /// `sqlite::memory:` or `sqlite:///:memory:`, and a plain file path (`:memory:` included).
    /// - Throws: `StoreError` of kind `.invalidURL` naming the accepted forms. The message names only the URL's
    ///   scheme, never the whole value, which may carry credentials.
    public init(url: String) throws {
        let text = url.trimmingWhitespace()
        if text.isEmpty {
            throw StoreError.invalidURL(problem: "got an empty value")
        }
        if text == "sqlite::memory:" || text == ":memory:" {
            self = .memory
            return
        }
        guard let schemeEnd = Self.schemeEnd(of: text) else {
            self = .file(path: text)
            return
        }
        let scheme = String(text[..<schemeEnd])
        guard scheme.lowercased() == "sqlite" else {
            throw StoreError.invalidURL(problem: "got a \"\(scheme):\" URL")
        }
        let rest = text[text.index(after: schemeEnd)...]
        guard rest.hasPrefix("///") else {
            throw StoreError.invalidURL(
                problem: "a sqlite URL needs three slashes before a relative path, four before an absolute one")
        }
        let path = String(rest.dropFirst(3))
        if path.isEmpty {
            throw StoreError.invalidURL(problem: "the sqlite URL names no file")
        }
        if path.contains("?") {
            throw StoreError.invalidURL(problem: "query parameters are not supported")
        }
        // SQLAlchemy's own spelling of an in-memory database.
        self = path == ":memory:" ? .memory : .file(path: path)
    }

    /// The path to show in messages: the file path, or `:memory:`.
    public var displayPath: String {
        switch self {
        case .memory: ":memory:"
        case .file(let path): path
        }
    }

    /// The end of a URL scheme (`letter *(letter / digit / "+" / "-" / ".") ":"`), or nil for a plain path.
    ///
    /// A one-letter "scheme" is left to be a path, and so is anything with a slash before the colon.
    private static func schemeEnd(of text: String) -> String.Index? {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else {
            return nil
        }
        let scheme = text[..<colon]
        let allowed = scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        return allowed && scheme.count > 1 ? colon : nil
    }
}
