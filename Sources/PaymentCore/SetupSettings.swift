/// The settings in force as `payment-ops doctor` shows them: plain values, with the Stripe key reduced to its
/// prefix (`rk_test_`) so that the key itself is never held, printed or logged.
public struct SetupSettings: Sendable, Hashable {
    /// Whether a Stripe key is configured at all.
    public var hasStripeKey: Bool
    /// The key's type-and-mode prefix, such as `rk_test_`; nil when there is no key or it has no such prefix.
    public var stripeKeyPrefix: String?
    /// `DATABASE_URL`.
    public var databaseURL: String
    /// `STRIPE_API_BASE`.
    public var stripeAPIBase: String
    /// Whether `PAYMENT_OPS_ALLOW_LIVE=1` is set.
    public var allowLive: Bool
    /// `REFUND_WINDOW_DAYS`.
    public var refundWindowDays: Int
    /// `PAYMENT_OPS_ACTOR`.
    public var actor: String

    /// Creates the settings, keeping only the prefix of `stripeKey`.
    public init(
        stripeKey: String?, databaseURL: String, stripeAPIBase: String, allowLive: Bool, refundWindowDays: Int,
        actor: String
    ) {
        self.hasStripeKey = !(stripeKey ?? "").isEmpty
        self.stripeKeyPrefix = stripeKey.flatMap(Self.prefix(ofKey:))
        self.databaseURL = databaseURL
        self.stripeAPIBase = stripeAPIBase
        self.allowLive = allowLive
        self.refundWindowDays = refundWindowDays
        self.actor = actor
    }

    /// Whether the key is a live-mode key; nil when there is no recognisable key.
    public var isLiveKey: Bool? {
        stripeKeyPrefix.map { $0.hasSuffix("_live_") }
    }

    /// Whether the key is a secret (`sk_`) or restricted (`rk_`) key, the only kinds that can act on a server.
    public var isServerKey: Bool {
        stripeKeyPrefix.map { $0.hasPrefix("sk_") || $0.hasPrefix("rk_") } ?? false
    }

    /// The key's prefix as shown to people: `rk_test_…`.
    public var stripeKeyDisplay: String? {
        stripeKeyPrefix.map { $0 + "…" }
    }

    /// `rk_test_` for `rk_test_51H…`: two lowercase letters, `test` or `live`, each followed by `_`; else nil.
    ///
    /// Nothing else of the key is kept: even a malformed key may be a real secret with a typo in it.
    public static func prefix(ofKey key: String) -> String? {
        let parts = key.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[0].allSatisfy({ ("a"..."z").contains($0) }),
            parts[1] == "test" || parts[1] == "live"
        else { return nil }
        return "\(parts[0])_\(parts[1])_"
    }
}
