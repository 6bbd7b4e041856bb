/// What the configured processor key is, as `payment-ops doctor` reports it: never the key itself.
public enum GatewayKeyStatus: Sendable, Hashable {
    /// No key is set.
    case notSet
    /// A key is set but cannot be used; the reason says why, showing at most the key's prefix.
    case unusable(reason: String)
    /// A usable key, shown only by its prefix (`rk_test_…`), and the mode it acts in.
    case usable(prefix: String, mode: GatewayMode)
}
