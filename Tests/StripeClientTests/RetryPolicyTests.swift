import StripeClient
import StripeFake
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    private func policy(jitter: Double) -> RetryPolicy {
        var policy = RetryPolicy()
        policy.jitter = { jitter }
        return policy
    }

    @Test("backoff doubles from 0.5 s to at most 5 s, jittered down by at most half, never under 0.5 s")
    func backoffBounds() {
        for retry in 1...8 {
            let full = min(Duration.milliseconds(500) * (1 << (retry - 1)), .seconds(5))
            for jitter in stride(from: 0.0, to: 1.0, by: 0.125) {
                let delay = policy(jitter: jitter).delay(beforeRetry: retry)
                #expect(delay >= max(.milliseconds(500), full / 2))
                #expect(delay <= full)
            }
        }
    }

    @Test("without jitter the delays are the full backoff")
    func fullBackoff() {
        let policy = policy(jitter: 1)
        #expect(
            (1...6).map { policy.delay(beforeRetry: $0) } == [
                .milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5),
            ])
    }

    @Test("Retry-After lengthens the wait, capped at 10 s")
    func retryAfter() {
        let policy = policy(jitter: 1)
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(3)) == .seconds(3))
        #expect(policy.delay(beforeRetry: 3, retryAfter: .seconds(1)) == .seconds(2))
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(120)) == .seconds(10))
    }

    @Test("5xx answers are retried twice with the same idempotency key, then succeed")
    func retriesThenSucceeds() async throws {
        let harness = try Harness(jitter: 0.5)
        let error = FakeReply.stripeError(status: 500, type: "api_error", message: "Something went wrong.")
        harness.fake.enqueue(error, error)
        let customer = try await harness.client.createCustomer(
            email: "a@b.c", name: "A", metadata: [:], idempotencyKey: "idem-1")
        #expect(customer.email == "a@b.c")
        let requests = harness.fake.requests
        #expect(requests.count == 3)
        #expect(requests.map { $0.header("Idempotency-Key") } == ["idem-1", "idem-1", "idem-1"])
        #expect(Set(requests.map(\.body)).count == 1)
        #expect(harness.sleeps.recorded == [.milliseconds(500), .milliseconds(750)])
    }

    @Test("a generated idempotency key is the same on every attempt")
    func generatedKey() async throws {
        let harness = try Harness()
        harness.fake.enqueue(.dropConnection)
        let request = StripeRequest(method: .post, path: "/v1/customers", values: [("email", "a@b.c")])
        let customer = try await harness.client.send(request, as: StripeCustomer.self)
        #expect(customer.email == "a@b.c")
        let keys = harness.fake.requests.map { $0.header("Idempotency-Key") }
        #expect(keys.count == 2)
        #expect(keys[0] == keys[1])
        #expect(keys[0]?.count == 36)
    }

    @Test("after the last retry the error is returned: three attempts by default")
    func exhausted() async throws {
        let harness = try Harness()
        for _ in 0..<3 { harness.fake.enqueue(.stripeError(status: 503, type: "api_error", message: "Unavailable.")) }
        let error = await stripeError { try await harness.client.customer(id: "cus_1") }
        #expect(error?.httpStatus == 503)
        #expect(harness.fake.requests.count == 3)
        #expect(harness.sleeps.recorded.count == 2)
    }

    @Test("409 and 429 are retried, and 429's Retry-After is honoured")
    func conflictAndRateLimit() async throws {
        let harness = try Harness(jitter: 1)
        harness.fake.enqueue(
            .stripeError(status: 409, type: "idempotency_error", message: "In progress."),
            .stripeError(status: 429, type: "rate_limit_error", message: "Slow down.", headers: [("Retry-After", "3")]))
        let id = harness.fake.addCustomer(email: nil, name: nil)
        _ = try await harness.client.customer(id: id)
        #expect(harness.fake.requests.count == 3)
        #expect(harness.sleeps.recorded == [.milliseconds(500), .seconds(3)])
    }

    @Test("Stripe-Should-Retry: false stops retrying a 500")
    func shouldRetryFalse() async throws {
        let harness = try Harness()
        harness.fake.enqueue(
            .stripeError(status: 500, type: "api_error", message: "No.", headers: [("Stripe-Should-Retry", "false")]))
        let error = await stripeError { try await harness.client.customer(id: "cus_1") }
        #expect(error?.httpStatus == 500)
        #expect(harness.fake.requests.count == 1)
        #expect(harness.sleeps.recorded.isEmpty)
    }

    @Test("Stripe-Should-Retry: true retries an answer that would not be retried otherwise")
    func shouldRetryTrue() async throws {
        let harness = try Harness()
        harness.fake.enqueue(
            .stripeError(status: 423, type: "api_error", message: "Locked.", headers: [("Stripe-Should-Retry", "true")])
        )
        let id = harness.fake.addCustomer(email: nil, name: nil)
        _ = try await harness.client.customer(id: id)
        #expect(harness.fake.requests.count == 2)
    }

    @Test("400, 401, 402, 403 and 404 are never retried", arguments: [400, 401, 402, 403, 404])
    func neverRetried(status: Int) async throws {
        let harness = try Harness()
        harness.fake.enqueue(
            .stripeError(
                status: status, type: "invalid_request_error", message: "No.",
                headers: [("Stripe-Should-Retry", "true")]))
        let error = await stripeError { try await harness.client.customer(id: "cus_1") }
        #expect(error?.httpStatus == status)
        #expect(harness.fake.requests.count == 1)
    }

    @Test("a connection that could not be made is retried and then reported as not applied")
    func connectionRefusedRetried() async throws {
        let refusing = try RefusingPort()
        let sleeps = SleepRecorder()
        var configuration = try StripeConfiguration(apiKey: testKey, apiBase: refusing.baseURL)
        configuration.retryPolicy.sleep = { sleeps.record($0) }
        let error = await stripeError { try await StripeClient(configuration: configuration).customer(id: "cus_1") }
        #expect(error?.kind == .connection)
        #expect(error?.requestWasNotApplied == true)
        #expect(sleeps.recorded.count == 2)
        withExtendedLifetime(refusing) {}  // bound until the call is over
    }

    @Test("once an attempt may have reached Stripe, a later 4xx does not claim that nothing happened")
    func earlierAttemptTaints() async throws {
        let harness = try Harness()
        harness.fake.enqueue(.dropConnection, .stripeError(status: 400, type: "invalid_request_error", message: "No."))
        let error = await stripeError {
            try await harness.client.createRefund(
                paymentIntentID: "pi_1", amount: 1, reason: nil, metadata: [:], idempotencyKey: "r-1")
        }
        #expect(error?.httpStatus == 400)
        #expect(error?.requestWasNotApplied == false)
        #expect(harness.fake.connectionCount == 2)
    }

    @Test("cancelling while waiting to retry ends the call, with its outcome unknown after a 500")
    func cancelledWhileWaiting() async throws {
        let fake = try StripeFake.start()
        fake.enqueue(.stripeError(status: 500, type: "api_error", message: "Oops."))
        var configuration = try StripeConfiguration(apiKey: testKey, apiBase: fake.baseURL)
        configuration.retryPolicy.sleep = { _ in throw CancellationError() }
        let error = await stripeError { try await StripeClient(configuration: configuration).customer(id: "cus_1") }
        #expect(error?.kind == .cancelled)
        #expect(error?.requestWasNotApplied == false)
        #expect(fake.requests.count == 1)
    }
}
