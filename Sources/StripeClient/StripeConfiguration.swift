/// Everything a `StripeClient` needs to reach Stripe: the key, where, how long to wait and how often to retry.
///
/// Validated on creation, so a client never starts with a publishable key, a live key that was not allowed,
/// or a plain-http base URL to a remote host.
public struct StripeConfiguration: Sendable {
    /// The API key; its text is never shown.
    public let key: StripeKey
    /// Where Stripe's API is reached.
    public let apiBase: StripeBaseURL
    /// Whether live-mode keys and objects are accepted.
    public let allowLive: Bool
    /// How long to wait for the TCP and TLS connection to be made.
    public let connectTimeout: Duration
    /// How long one attempt may take in all, from connecting to the last byte of the answer.
    public let totalTimeout: Duration
    /// The version of payment-ops reported in `User-Agent` and `X-Stripe-Client-User-Agent`.
    public let userAgentVersion: String
    /// When and how long to wait before retrying; tests replace its clock.
    public var retryPolicy: RetryPolicy

    /// Checks and gathers the settings.
    ///
    /// - Parameters:
    ///   - apiKey: A secret (`sk_…`) or restricted (`rk_…`) key.
    ///   - apiBase: `https://api.stripe.com` by default; plain http is accepted only to loopback.
    ///   - allowLive: Whether live-mode keys are accepted; test-mode keys only by default.
    ///   - connectTimeout: Stripe's SDK default, 30 s.
    ///   - totalTimeout: Stripe's SDK default, 80 s.
    ///   - maxRetries: Retries after the first attempt; Stripe's SDK default, 2.
    ///   - userAgentVersion: The version of payment-ops.
    /// - Throws: `StripeError` of kind `.notConfigured` or `.invalidKey` for a missing or unusable key,
    ///   `.liveModeRefused` for a live key without `allowLive`, `.invalidConfiguration` for a bad base URL
    ///   or a timeout that is not positive.
    public init(
        apiKey: String, apiBase: String = "https://api.stripe.com", allowLive: Bool = false,
        connectTimeout: Duration = .seconds(30), totalTimeout: Duration = .seconds(80), maxRetries: Int = 2,
        userAgentVersion: String = "dev"
    ) throws(StripeError) {
        let key = try StripeKey(apiKey)
        if key.mode == .live && !allowLive {
            throw StripeError(
                kind: .liveModeRefused,
                message: "A live-mode key (\(key.displayPrefix)) was given but live mode is not allowed: use a "
                    + "test-mode key (sk_test_… or rk_test_…), or allow live mode explicitly.",
                requestWasNotApplied: true)
        }
        guard connectTimeout > .zero, totalTimeout > .zero, maxRetries >= 0 else {
            throw StripeError(
                kind: .invalidConfiguration,
                message: "Stripe timeouts must be positive and the retry count must not be negative.",
                requestWasNotApplied: true)
        }
        self.key = key
        self.apiBase = try StripeBaseURL(apiBase)
        self.allowLive = allowLive
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.userAgentVersion = userAgentVersion
        self.retryPolicy = RetryPolicy(maxRetries: maxRetries)
    }
}
