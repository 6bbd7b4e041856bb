import StripeClient
import StripeFake
import Synchronization

/// The secret key every test uses; tests check that it never shows up anywhere but the Authorization header.
let testKey = "sk_test_51HarnessSecretKeyValue0000abcd"

/// Records the waits a client asked for instead of sleeping, so retry tests run at once.
final class SleepRecorder: Sendable {
    private let delays = Mutex<[Duration]>([])

    /// The waits asked for so far.
    var recorded: [Duration] { delays.withLock { $0 } }

    func record(_ delay: Duration) { delays.withLock { $0.append(delay) } }
}

/// A Stripe fake on 127.0.0.1 and a client pointed at it, whose retries do not sleep.
struct Harness {
    let fake: StripeFake
    let client: StripeClient
    let sleeps = SleepRecorder()

    init(
        maxRetries: Int = 2, connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(10),
        jitter: Double = 0.5, key: String = testKey
    ) throws {
        fake = try StripeFake.start()
        var configuration = try StripeConfiguration(
            apiKey: key, apiBase: fake.baseURL, connectTimeout: connectTimeout, totalTimeout: totalTimeout,
            maxRetries: maxRetries, userAgentVersion: "1.2.3")
        let sleeps = sleeps
        configuration.retryPolicy.jitter = { jitter }
        configuration.retryPolicy.sleep = { sleeps.record($0) }
        client = StripeClient(configuration: configuration)
    }

    /// The only request the fake received.
    var onlyRequest: FakeRequest? {
        let requests = fake.requests
        return requests.count == 1 ? requests[0] : nil
    }
}

/// The `StripeError` a call throws, or `nil` when it succeeds or throws something else.
func stripeError(_ call: () async throws -> some Any) async -> StripeError? {
    do {
        _ = try await call()
        return nil
    } catch {
        return error as? StripeError
    }
}
