import Whitespace

/// A Stripe secret (`sk_…`) or restricted (`rk_…`) API key, classified by mode.
///
/// The key's text is kept private: `description`, `debugDescription` and reflection show only its prefix
/// (`rk_test_…`), so a key can be printed, dumped or interpolated without leaking.
public struct StripeKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Which of Stripe's two worlds the key acts in.
    public enum Mode: String, Sendable, Hashable {
        /// Test mode: no real money moves.
        case test
        /// Live mode: real money moves.
        case live
    }

    /// What the key may do.
    public enum Kind: String, Sendable, Hashable {
        /// A secret key (`sk_…`): every permission.
        case secret = "sk"
        /// A restricted key (`rk_…`): only the permissions it was given.
        case restricted = "rk"
    }

    /// The mode the key acts in.
    public let mode: Mode
    /// Whether the key is secret or restricted.
    public let kind: Kind
    /// The whole key, sent only in the `Authorization` header.
    let secret: String

    /// Classifies a key.
    ///
    /// - Throws: `StripeError` of kind `.notConfigured` for an empty key, `.invalidKey` for a publishable
    ///   key or anything that is not a secret or restricted key. The message never contains the key.
    public init(_ text: String) throws(StripeError) {
        // Keys pasted into `.env` files often carry a trailing newline or spaces.
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw StripeError(
                kind: .notConfigured,
                message: "No Stripe API key is configured: a secret (sk_test_…) or restricted (rk_test_…) key "
                    + "is needed.",
                requestWasNotApplied: true)
        }
        guard let prefix = Self.prefix(of: trimmed) else {
            throw StripeError(
                kind: .invalidKey,
                message: "The Stripe API key is not a secret (sk_…) or restricted (rk_…) key; "
                    + "use one from the dashboard's API keys page.",
                requestWasNotApplied: true)
        }
        guard let kind = Kind(rawValue: prefix.kind), let mode = Mode(rawValue: prefix.mode) else {
            throw StripeError(
                kind: .invalidKey,
                message: "A publishable key (\(prefix.kind)_\(prefix.mode)_…) cannot call Stripe's API from a "
                    + "server: use a secret (sk_…) or restricted (rk_…) key.",
                requestWasNotApplied: true)
        }
        self.kind = kind
        self.mode = mode
        self.secret = trimmed
    }

    /// The key's prefix, safe to show: `sk_test_…`, `rk_live_…`.
    public var displayPrefix: String { "\(kind.rawValue)_\(mode.rawValue)_…" }

    /// The prefix only: `sk_test_…`.
    public var description: String { displayPrefix }
    /// The prefix only: `StripeKey(sk_test_…)`.
    public var debugDescription: String { "StripeKey(\(displayPrefix))" }
    /// The prefix only, so that `dump` cannot reveal the key.
    public var customMirror: Mirror { Mirror(self, children: ["prefix": displayPrefix]) }

    /// Replaces everything in `text` that looks like a Stripe API key with its prefix.
    ///
    /// Stripe echoes (masked) keys in some messages (`Invalid API Key provided: sk_test_****1234`); even a
    /// masked key is not repeated, so a message can be shown and logged as it is.
    public static func redact(_ text: String) -> String {
        var result = ""
        var word = ""
        for character in text {
            if character.isKeyCharacter {
                word.append(character)
            } else {
                result += redactedWord(word)
                result.append(character)
                word = ""
            }
        }
        return result + redactedWord(word)
    }

    /// `word` itself, or only its prefix when it is key-shaped.
    private static func redactedWord(_ word: String) -> String {
        guard let prefix = prefix(of: word) else { return word }
        return "\(prefix.kind)_\(prefix.mode)_…"
    }

    /// The kind (`sk`, `rk`, `pk`) and mode (`test`, `live`) that begin a key-shaped word, if it is one.
    private static func prefix(of word: some StringProtocol) -> (kind: String, mode: String)? {
        let parts = word.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, ["sk", "rk", "pk"].contains(parts[0]), ["test", "live"].contains(parts[1]),
            !parts[2].isEmpty, parts[2].allSatisfy(\.isKeyCharacter)
        else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}

extension Character {
    /// Whether the character can be part of a Stripe key as written in text: letters, digits, `_`, and the
    /// `*` Stripe masks keys with.
    fileprivate var isKeyCharacter: Bool {
        isASCII && (isLetter || isNumber || self == "_" || self == "*")
    }
}
