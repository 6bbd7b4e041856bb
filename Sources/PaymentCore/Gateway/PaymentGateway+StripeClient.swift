import StripeClient

/// The real Stripe client is the production gateway: its methods match the protocol's one for one.
extension StripeClient: PaymentGateway {
    /// Every attempt's total timeout (which includes connecting), and before each retry the longest wait the
    /// retry policy can ask for: its full backoff, or the longest `Retry-After` it honours.
    public var longestCall: Duration {
        var retryPolicy = configuration.retryPolicy
        // The jitter scales the backoff by half to all of it; 1 gives all of it.
        retryPolicy.jitter = { 1 }
        let waits = (0..<retryPolicy.maxRetries).reduce(Duration.zero) { total, retry in
            total + retryPolicy.delay(beforeRetry: retry + 1, retryAfter: retryPolicy.maxRetryAfter)
        }
        return configuration.totalTimeout * (retryPolicy.maxRetries + 1) + waits
    }

    /// The mode of the configured key.
    public var mode: StripeKey.Mode { configuration.key.mode }
}
