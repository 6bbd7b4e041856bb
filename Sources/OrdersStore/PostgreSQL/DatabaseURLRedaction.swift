/// Shows a `DATABASE_URL` without its password, whatever its scheme.
///
/// `postgres://payops:secret@db:5432/orders` becomes `postgres://payops:***@db:5432/orders`; a `password=` query
/// parameter or key/value setting (`host=db password=secret`) becomes `password=***`; a URL without credentials
/// (every `sqlite:` URL) comes back unchanged. Every message, log line and report that names a database uses this.
public enum DatabaseURLRedaction {
    /// What stands in for a password.
    public static let mask = "***"

    /// The URL with every password replaced by `***`.
    public static func redacted(_ url: String) -> String {
        redactingPasswordSettings(in: redactingUserInfo(in: url))
    }

    /// `scheme://user:password@host…` → `scheme://user:***@host…`; the user's name stays.
    private static func redactingUserInfo(in url: String) -> String {
        guard let password = passwordRange(in: url) else { return url }
        var text = url
        text.replaceSubrange(password, with: mask)
        return text
    }

    /// The password as the URL spells it (percent-encoded or not), or nil when its user info has none.
    static func rawPassword(in url: String) -> String? {
        passwordRange(in: url).map { String(url[$0]) }
    }

    /// Where the password of `scheme://user:password@host…` is. The authority ends at the first "/", "?" or "#"
    /// after the scheme; its user info at the last "@" in it (a password may itself contain "@" when its writer
    /// did not percent-encode it).
    private static func passwordRange(in url: String) -> Range<String.Index>? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest[..<(rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex)]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return nil
        }
        return authority.index(after: colon)..<at
    }

    /// `password=secret` (after `?`, `&`, a space or at the start) → `password=***`, up to the next `&` or space.
    private static func redactingPasswordSettings(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let found = rest.firstRange(of: "password=") {
            let before = rest[..<found.lowerBound]
            let isSetting = before.isEmpty || [" ", "?", "&", "\t"].contains(before.last!)
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            guard isSetting else { continue }
            let end = rest.firstIndex(where: { $0 == "&" || $0 == " " || $0 == "\t" || $0 == "#" }) ?? rest.endIndex
            result += mask
            rest = rest[end...]
        }
        return result + rest
    }
}
