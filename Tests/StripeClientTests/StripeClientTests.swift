import StripeClient
import StripeFake
import Synchronization
import Testing

@Suite("StripeClient over HTTP")
struct StripeClientTests {
    @Test("a call sends Stripe's headers: bearer key, pinned version, user agents")
    func headers() async throws {
        let harness = try Harness()
        let id = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        _ = try await harness.client.customer(id: id)
        let request = try #require(harness.onlyRequest)
        #expect(request.header("Authorization") == "Bearer \(testKey)")
        #expect(request.header("Stripe-Version") == "2026-10-28.endive")
        #expect(request.header("User-Agent") == "payment-ops/1.2.3")
        #expect(
            request.header("X-Stripe-Client-User-Agent")
                == #"{"bindings_version":"1.2.3","httplib":"libcurl","lang":"swift","publisher":"payment-ops"}"#)
        #expect(request.header("Accept") == "application/json")
        #expect(request.header("Content-Type") == nil)
        #expect(request.header("Idempotency-Key") == nil)
    }

    @Test("sequential calls reuse one TCP connection")
    func keepAlive() async throws {
        let harness = try Harness()
        let id = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        for _ in 0..<5 {
            _ = try await harness.client.customer(id: id)
            _ = try await harness.client.createCustomer(email: "b@c.d", name: "B", metadata: [:], idempotencyKey: "k")
        }
        #expect(harness.fake.requests.count == 10)
        #expect(harness.fake.connectionCount == 1)
        #expect(harness.fake.requests.allSatisfy { $0.connectionNumber == 1 })
    }

    @Test("a server that never answers fails the call within the total timeout")
    func totalTimeout() async throws {
        let harness = try Harness(maxRetries: 0, totalTimeout: .milliseconds(300))
        harness.fake.enqueue(.hang)
        let error = try #require(await stripeError { try await harness.client.customer(id: "cus_1") })
        let unanswered = try #require(await harness.fake.waitForHangUps(1).first)
        #expect(unanswered.upperBound - unanswered.lowerBound < .seconds(3))
        #expect(error.kind == .timeout)
        #expect(error.curlCode == 28)
        #expect(!error.requestWasNotApplied)
        #expect(error.message.hasPrefix("Stripe did not answer in time: "))
    }

    @Test("a call in flight can be cancelled")
    func cancellation() async throws {
        let harness = try Harness(maxRetries: 0, totalTimeout: .seconds(60))
        harness.fake.enqueue(.hang)
        let client = harness.client
        let call = Task { await stripeError { try await client.customer(id: "cus_1") } }
        await harness.fake.waitForRequests(1)
        let cancelled = ContinuousClock.now
        call.cancel()
        let error = await call.value
        let unanswered = try #require(await harness.fake.waitForHangUps(1).first)
        #expect(unanswered.upperBound - cancelled < .seconds(5))
        #expect(error?.kind == .cancelled)
        #expect(error?.requestWasNotApplied == false)
        #expect(error?.message == "The Stripe call was cancelled.")
    }

    @Test("a call made from a cancelled task sends nothing")
    func cancelledBeforeStart() async throws {
        let harness = try Harness()
        let client = harness.client
        let error = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await stripeError { try await client.customer(id: "cus_1") }
        }.value
        #expect(error?.kind == .cancelled)
        #expect(error?.requestWasNotApplied == true)
        #expect(harness.fake.requests.isEmpty)
    }

    @Test("calls blocked on Stripe leave Swift's thread pool free and other calls running")
    func blockingOffThePool() async throws {
        let harness = try Harness(maxRetries: 0, totalTimeout: .seconds(60))
        let hanging = 6
        for _ in 0..<hanging { harness.fake.enqueue(.hang) }
        let client = harness.client
        let calls = (0..<hanging).map { _ in Task { await stripeError { try await client.customer(id: "cus_1") } } }
        await harness.fake.waitForRequests(hanging)
        let id = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        #expect(try await client.customer(id: id).email == "ada@example.com")
        #expect(harness.fake.connectionCount == hanging + 1)
        for call in calls { call.cancel() }
        for call in calls { #expect(await call.value?.kind == .cancelled) }
    }

    @Test("the client satisfies every PaymentGateway call with the key only in the Authorization header")
    func keyOnlyInAuthorization() async throws {
        let harness = try Harness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 100)
        _ = try await harness.client.paymentIntent(id: intent)
        let request = try #require(harness.onlyRequest)
        let carriers = request.headers.filter { $0.value.contains(testKey) }.map(\.name)
        #expect(carriers == ["Authorization"])
        #expect(!request.rawQuery.contains(testKey))
    }
}
