/// When a failed attempt is retried, and how long to wait first: Stripe's SDK rules.
///
/// Exponential backoff from `initialDelay`, doubling up to `maxDelay`, each delay jittered down by up to
/// half (never below `initialDelay`) so that many clients failing together do not retry together. A
/// `Retry-After` answer lengthens the wait, up to `maxRetryAfter`. The random source and the sleep are
/// closures, so tests can check the delays without waiting for them.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// The wait before the first retry, and the floor of every wait.
    public var initialDelay: Duration = .milliseconds(500)
    /// The longest backoff.
    public var maxDelay: Duration = .seconds(5)
    /// The longest wait a `Retry-After` answer can ask for; a support session cannot wait minutes.
    public var maxRetryAfter: Duration = .seconds(10)
    /// A random number in `0..<1` that scales the backoff between half and all of it.
    public var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// Waits before a retry; throws when the waiting task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }

    /// A policy with Stripe's default timings.
    public init(maxRetries: Int = 2) {
        self.maxRetries = maxRetries
    }

    /// The wait before retry number `retry` (1 for the first retry), given the answer's `Retry-After`.
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil) -> Duration {
        let doublings = min(max(retry - 1, 0), 30)
        let backoff = min(initialDelay * (1 << doublings), maxDelay)
        var delay = max(initialDelay, backoff * (0.5 + 0.5 * jitter()))
        if let retryAfter {
            delay = max(delay, min(retryAfter, maxRetryAfter))
        }
        return delay
    }

    /// Whether an attempt that ended this way may be retried (attempts left aside).
    static func isRetryable(_ outcome: Result<HTTPResponse, TransportFailure>) -> Bool {
        switch outcome {
        case .success(let response):
            // These answers are final: repeating the request gets the same answer.
            if [400, 401, 402, 403, 404].contains(response.status) { return false }
            switch response.header("Stripe-Should-Retry") {
            case "false": return false
            case "true": return true
            default: return response.status == 409 || response.status == 429 || response.status >= 500
            }
        case .failure(let failure):
            return failure.isRetryable
        }
    }

    /// The `Retry-After` of an answer, in whole seconds as Stripe sends it.
    static func retryAfter(_ response: HTTPResponse) -> Duration? {
        guard let text = response.header("Retry-After"), let seconds = Int(text), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}
