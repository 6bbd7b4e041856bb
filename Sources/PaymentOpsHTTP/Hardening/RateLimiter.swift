import FoundationEssentials
import Synchronization

/// A token bucket per subject: `rate` requests per second on average, bursts of `burst`.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let rate: Double
    private let burst: Double
    private let now: @Sendable () -> Date
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Creates a limiter; the burst is twice the rate.
    init(rate: Double, now: @escaping @Sendable () -> Date) {
        self.rate = rate
        self.burst = rate * 2
        self.now = now
    }

    /// Takes one request from `subject`'s bucket: `nil` when admitted, else the whole seconds until one would be.
    func admit(_ subject: String) -> Int? {
        let time = now()
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[subject] ?? Bucket(tokens: burst, updated: time)
            bucket.tokens = min(burst, bucket.tokens + max(0, time.timeIntervalSince(bucket.updated)) * rate)
            bucket.updated = time
            defer { buckets[subject] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
