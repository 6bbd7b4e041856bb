import DynamicJSON
import StripeFake
import Testing

@testable import StripeClient

/// The fake keeps Stripe's documented idempotency, which the refund journal's crash-safety is tested against.
@Suite("StripeFake's idempotency, as Stripe documents it")
struct StripeFakeIdempotencyTests {
    /// Refunds 300 of a 1000 PaymentIntent with the journal's metadata and the given key.
    private func refund(_ harness: Harness, _ intent: String, key: String, amount: Int = 300) async throws -> Refund {
        try await harness.client.createRefund(
            paymentIntentID: intent, amount: amount, reason: nil, metadata: ["refund_log_id": "log-1"],
            idempotencyKey: key)
    }

    @Test("the first result for a key is replayed with the same body, marked replayed, naming the first request")
    func replay() async throws {
        let fake = try StripeFake.start()
        let first = try await rawRequest(to: fake, .post, "/v1/customers", body: "email=a%40b.c", idempotencyKey: "k")
        let second = try await rawRequest(to: fake, .post, "/v1/customers", body: "email=a%40b.c", idempotencyKey: "k")
        #expect(first.status == 200)
        #expect(second.status == 200)
        #expect(second.text == first.text)
        #expect(first.header("Idempotent-Replayed") == nil)
        #expect(second.header("Idempotent-Replayed") == "true")
        #expect(second.header("Original-Request") == first.requestID)
        #expect(second.requestID != first.requestID)
        #expect(fake.objects(ofKind: "customer").count == 1)
    }

    @Test("a request refused by validation (400) saves nothing: the same key then executes")
    func validationSavesNothing() async throws {
        let harness = try Harness(maxRetries: 0)
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        let refused = await stripeError { try await refund(harness, intent, key: "k", amount: 5000) }
        #expect(refused?.httpStatus == 400)
        #expect(refused?.code == "amount_too_large")
        let made = try await refund(harness, intent, key: "k", amount: 300)
        #expect(made.amount == 300)
        #expect(harness.fake.objects(ofKind: "refund").count == 1)
    }

    @Test("a 500 from in front of the endpoint saves nothing, so the client's retry with the same key succeeds once")
    func serverErrorInFront() async throws {
        let harness = try Harness(maxRetries: 2)
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        harness.fake.enqueue(.serverError())
        let made = try await refund(harness, intent, key: "k")
        let requests = harness.fake.requests
        #expect(requests.count == 2)
        #expect(requests.map { $0.header("Idempotency-Key") } == ["k", "k"])
        #expect(harness.sleeps.recorded.count == 1)
        #expect(harness.fake.objects(ofKind: "refund").map { $0["id"]?.stringValue } == [made.id])
    }

    @Test("a 500 from an endpoint that started is saved: not retried by the client, replayed for the key")
    func savedServerError() async throws {
        let harness = try Harness(maxRetries: 2)
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        harness.fake.enqueueFaults(.serverError(afterApplying: false))
        let first = try #require(await stripeError { try await refund(harness, intent, key: "k") })
        #expect(first.httpStatus == 500)
        #expect(first.type == "api_error")
        #expect(first.message == "An unknown error occurred")
        #expect(!first.requestWasNotApplied)
        #expect(harness.fake.requests.count == 1)
        #expect(harness.sleeps.recorded.isEmpty)
        #expect(harness.fake.objects(ofKind: "refund").isEmpty)

        let replayed = try #require(await stripeError { try await refund(harness, intent, key: "k") })
        #expect(replayed.httpStatus == 500)
        #expect(replayed.requestLogURL == first.requestLogURL)
        #expect(replayed.requestID != first.requestID)
        #expect(harness.fake.objects(ofKind: "refund").isEmpty)

        let raw = try await rawRequest(
            to: harness.fake, .post, "/v1/refunds", body: try #require(harness.fake.requests.last?.body),
            idempotencyKey: "k")
        #expect(raw.status == 500)
        #expect(raw.header("Stripe-Should-Retry") == "false")
        #expect(raw.header("Idempotent-Replayed") == "true")
        #expect(raw.header("Original-Request") == first.requestID)

        let other = try await refund(harness, intent, key: "k2")
        #expect(harness.fake.objects(ofKind: "refund").map { $0["id"]?.stringValue } == [other.id])
    }

    @Test("a saved 500 after the endpoint acted leaves the refund at Stripe, for reconciliation to find by metadata")
    func savedServerErrorAfterApplying() async throws {
        let harness = try Harness(maxRetries: 2)
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        harness.fake.enqueueFaults(.serverError(afterApplying: true))
        let error = try #require(await stripeError { try await refund(harness, intent, key: "k") })
        #expect(error.httpStatus == 500)
        #expect(!error.requestWasNotApplied)
        #expect(harness.fake.requests.count == 1)

        let found = try await harness.client.refunds(paymentIntentID: intent, limit: 10, startingAfter: nil)
        #expect(found.data.map(\.metadata) == [["refund_log_id": "log-1"]])
        #expect(found.data.map(\.amount) == [300])
        let replayed = await stripeError { try await refund(harness, intent, key: "k") }
        #expect(replayed?.httpStatus == 500)
        #expect(harness.fake.objects(ofKind: "refund").count == 1)
    }

    @Test("a fault waits for a request that passes validation")
    func faultSkipsRefusals() async throws {
        let harness = try Harness(maxRetries: 0)
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        harness.fake.enqueueFaults(.serverError(afterApplying: false))
        let refused = await stripeError { try await refund(harness, intent, key: "k1", amount: 0) }
        #expect(refused?.httpStatus == 400)
        let failed = await stripeError { try await refund(harness, intent, key: "k2") }
        #expect(failed?.httpStatus == 500)
        _ = try await refund(harness, intent, key: "k3")
        #expect(harness.fake.objects(ofKind: "refund").count == 1)
    }

    @Test("a request while another with its key executes answers 409 idempotency_key_in_use and saves nothing")
    func keyInUse() async throws {
        let harness = try Harness(maxRetries: 0, totalTimeout: .seconds(60))
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        harness.fake.enqueueFaults(.stall)
        let stalled = Task { await stripeError { try await refund(harness, intent, key: "k") } }
        await harness.fake.waitForRequests(1)

        let conflict = try #require(await stripeError { try await refund(harness, intent, key: "k") })
        #expect(conflict.httpStatus == 409)
        #expect(conflict.type == "idempotency_error")
        #expect(conflict.code == "idempotency_key_in_use")
        #expect(
            conflict.message
                == "There is currently another in-progress request using this Idempotency Key (that probably means "
                + "you submitted twice, and the other request is still going through): 'k'. Please try again later.")
        #expect(!conflict.requestWasNotApplied)
        #expect(harness.fake.objects(ofKind: "refund").isEmpty)

        harness.fake.finishStalledRequests()
        let made = try await refund(harness, intent, key: "k")
        #expect(harness.fake.objects(ofKind: "refund").map { $0["id"]?.stringValue } == [made.id])
        stalled.cancel()
        #expect(await stalled.value?.kind == .cancelled)
    }

    @Test("the fake answers only the pinned Stripe-Version, the one the client sends")
    func pinnedVersion() async throws {
        #expect(StripeFake.apiVersion == StripeClient.apiVersion)
        let fake = try StripeFake.start()
        let customer = fake.addCustomer(email: "a@b.c", name: "A")
        let missing = try await rawRequest(to: fake, .get, "/v1/customers/\(customer)", version: nil)
        #expect(missing.status == 400)
        #expect(
            try JSONCodec.parse(missing.text)["error"]?["message"]?.stringValue
                == "No Stripe-Version header was sent; this fake Stripe answers only requests pinned to "
                + "2026-10-28.endive.")
        let other = try await rawRequest(to: fake, .get, "/v1/customers/\(customer)", version: "2024-06-20")
        #expect(other.status == 400)
        #expect(
            try JSONCodec.parse(other.text)["error"]?["message"]?.stringValue
                == "Invalid Stripe API version: 2024-06-20. This fake Stripe answers only 2026-10-28.endive.")
        let pinned = try await rawRequest(to: fake, .get, "/v1/customers/\(customer)")
        #expect(pinned.status == 200)
    }

    @Test("a request refused for its version saves nothing under its key")
    func versionRefusalSavesNothing() async throws {
        let fake = try StripeFake.start()
        let refused = try await rawRequest(
            to: fake, .post, "/v1/customers", body: "email=a%40b.c", idempotencyKey: "k", version: "2024-06-20")
        #expect(refused.status == 400)
        let made = try await rawRequest(to: fake, .post, "/v1/customers", body: "email=a%40b.c", idempotencyKey: "k")
        #expect(made.status == 200)
        #expect(made.header("Idempotent-Replayed") == nil)
    }

    @Test("a stripe-fake process queues faults and finishes stalled requests through its control paths")
    func controlPaths() async throws {
        let fake = try StripeFake.start()
        let queued = try await rawRequest(to: fake, .post, "/_fake/faults", body: "fault=server_error")
        #expect(queued.status == 200)
        #expect(queued.text == #"{"queued":"server_error"}"#)
        let unknown = try await rawRequest(to: fake, .post, "/_fake/faults", body: "fault=meteor")
        #expect(unknown.status == 400)
        let failed = try await rawRequest(to: fake, .post, "/v1/customers", body: "email=a%40b.c", idempotencyKey: "k")
        #expect(failed.status == 500)
        let finished = try await rawRequest(to: fake, .post, "/_fake/finish_stalled")
        #expect(finished.status == 200)
        #expect(fake.requests.count == 1)
    }
}
