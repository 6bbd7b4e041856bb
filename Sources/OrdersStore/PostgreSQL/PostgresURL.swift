import CLibPQ
import Whitespace

/// A PostgreSQL `DATABASE_URL` as libpq reads it, with payment-ops' defaults added where the URL has none.
///
/// libpq parses the URL itself (`PQconninfoParse`), so its rules are the ones users know from `psql`: `postgres://`
/// and `postgresql://`, percent-encoded user and password, `[IPv6]` hosts, port 5432 by default, and every parameter
/// libpq knows (`sslmode` defaulting to `prefer`, `sslrootcert`, `options`, `host=` a socket directory…). A
/// malformed URL or an unknown parameter is refused here, before any connection is tried.
public struct PostgresURL: Sendable, Equatable {
    /// The URL exactly as given; passed to libpq as its `dbname`, which libpq expands.
    let url: String
    /// The URL for people, password redacted.
    public let redacted: String
    /// The settings the URL does not make, which payment-ops adds before the URL's own (so the URL's win).
    let defaults: [Setting]
    /// The password the URL carries, if any, kept only to scrub it from libpq's messages.
    let password: String?

    /// One libpq connection setting.
    struct Setting: Sendable, Equatable {
        let keyword: String
        let value: String
    }

    /// The defaults payment-ops adds when the URL has none of them.
    static let addedDefaults = [
        Setting(keyword: "connect_timeout", value: "10"), Setting(keyword: "application_name", value: "payment-ops"),
    ]

    /// Whether `url` names a PostgreSQL database (`postgres://` or `postgresql://`, any letter case).
    public static func isPostgreSQL(_ url: String) -> Bool {
        let lowered = url.trimmingWhitespace().lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Parses a PostgreSQL URL with libpq, loading libpq on first use.
    ///
    /// - Throws: `PostgresError` of kind `.libraryMissing` without libpq; `.invalidURL` with libpq's own reason
    ///   (`invalid port number`, `invalid URI query parameter: "foo"`…), the password scrubbed from it.
    public init(_ url: String) throws(PostgresError) {
        let libpq = try LibPQ.load()
        let text = url.trimmingWhitespace()
        self.url = text
        redacted = DatabaseURLRedaction.redacted(text)
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = libpq.conninfoParse(text, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) } ?? "libpq could not read it"
            libpq.freemem(errorMessage)
            throw PostgresError(
                kind: .invalidURL,
                message: "DATABASE_URL is not a PostgreSQL URL libpq accepts: "
                    + Self.scrubbing(Self.oneLine(reason), secretsOf: text))
        }
        defer { libpq.conninfoFree(options) }
        let given = Self.settings(in: options)
        password = given["password"].flatMap { $0.isEmpty ? nil : $0 }
        defaults = Self.addedDefaults.filter { given[$0.keyword] == nil }
    }

    /// The settings a parsed option list gives a value.
    private static func settings(in options: UnsafeMutablePointer<PQconninfoOption>) -> [String: String] {
        var given: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { given[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return given
    }

    /// The keyword/value pairs for `PQconnectdbParams` with `expand_dbname`: the defaults, then the URL (whose
    /// settings override what comes before it), then the client encoding, which the store's text decoding needs.
    var connectionParameters: [Setting] {
        defaults + [Setting(keyword: "dbname", value: url), Setting(keyword: "client_encoding", value: "UTF8")]
    }

    /// `text` with this URL's password replaced by `***`.
    func scrubbing(_ text: String) -> String {
        guard let password else { return text }
        return text.replacingEvery(password, with: DatabaseURLRedaction.mask)
    }

    /// The first line of a libpq message, without the trailing newline libpq adds.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map { String($0).trimmingWhitespace() } ?? ""
    }

    /// Scrubs from a parse error any quoted token taken from the URL's password: a malformed percent escape in a
    /// password would otherwise be quoted back. libpq quotes the whole URL in some messages: that is shown redacted.
    private static func scrubbing(_ reason: String, secretsOf url: String) -> String {
        guard let password = DatabaseURLRedaction.rawPassword(in: url), !password.isEmpty else { return reason }
        var result = reason
        for token in reason.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
        where token.offset % 2 == 1 && !token.element.isEmpty {
            if token.element == url {
                result = result.replacingEvery(url, with: DatabaseURLRedaction.redacted(url))
            } else if password.contains(token.element) || token.element.contains(password) {
                result = result.replacingEvery(String(token.element), with: DatabaseURLRedaction.mask)
            }
        }
        return result
    }
}

extension String {
    /// The string with every occurrence of `target` replaced.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let found = rest.firstRange(of: target) {
            result += rest[..<found.lowerBound]
            result += replacement
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}
