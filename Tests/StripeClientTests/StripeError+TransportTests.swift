import DynamicJSON
import StripeClient
import StripeFake
import Testing

@Suite("Stripe error mapping")
struct StripeErrorTransportTests {
    /// Calls `customer(id:)` once against a scripted reply and returns the error.
    private func error(for reply: FakeReply) async throws -> StripeError {
        let harness = try Harness(maxRetries: 0)
        harness.fake.enqueue(reply)
        let error = try #require(await stripeError { try await harness.client.customer(id: "cus_1") })
        #expect(!error.description.contains(testKey))
        #expect(!error.message.contains("abcd"))
        return error
    }

    @Test("400 keeps Stripe's type, code, param, message and request id")
    func badRequest() async throws {
        let error = try await error(
            for: .stripeError(
                status: 400, type: "invalid_request_error", code: "parameter_invalid_integer",
                message: "Invalid integer: abc", param: "amount", headers: [("Request-Id", "req_abc123")]))
        #expect(error.kind == .api)
        #expect(error.httpStatus == 400)
        #expect(error.type == "invalid_request_error")
        #expect(error.code == "parameter_invalid_integer")
        #expect(error.param == "amount")
        #expect(error.message == "Invalid integer: abc")
        #expect(error.requestID == "req_abc123")
        #expect(error.requestWasNotApplied)
        #expect(
            error.description
                == "Stripe api HTTP 400 invalid_request_error parameter_invalid_integer param=amount: "
                + "Invalid integer: abc (request req_abc123, log https://dashboard.stripe.com/test/logs/req_abc123, "
                + "docs https://stripe.com/docs/error-codes/parameter-invalid-integer)")
        #expect(error.requestLogURL == "https://dashboard.stripe.com/test/logs/req_abc123")
        #expect(error.docURL == "https://stripe.com/docs/error-codes/parameter-invalid-integer")
    }

    @Test("a decline keeps Stripe's advice, the network's code and where to read more; the message stays Stripe's")
    func declineAdvice() async throws {
        let error = try await error(
            for: .stripeError(
                status: 402, type: "card_error", code: "card_declined", message: "Your card has insufficient funds.",
                declineCode: "insufficient_funds", adviceCode: "try_again_later", networkDeclineCode: "51",
                headers: [("Request-Id", "req_decl1")]))
        #expect(error.adviceCode == "try_again_later")
        #expect(error.networkDeclineCode == "51")
        #expect(error.declineCode == "insufficient_funds")
        #expect(error.requestID == "req_decl1")
        #expect(error.requestLogURL == "https://dashboard.stripe.com/test/logs/req_decl1")
        #expect(error.docURL == "https://stripe.com/docs/error-codes/card-declined")
        #expect(error.message == "Your card has insufficient funds.")
        #expect(
            error.description
                == "Stripe api HTTP 402 card_error card_declined decline_code=insufficient_funds "
                + "network_decline_code=51 advice_code=try_again_later: Your card has insufficient funds. "
                + "(request req_decl1, log https://dashboard.stripe.com/test/logs/req_decl1, "
                + "docs https://stripe.com/docs/error-codes/card-declined)")
    }

    @Test("a key inside a URL Stripe sends back is redacted in the error and its description")
    func urlsRedacted() async throws {
        let body: JSONValue = [
            "error": [
                "type": "invalid_request_error", "message": "Bad.",
                "request_log_url": .string("https://dashboard.stripe.com/test/logs/req_1?key=\(testKey)"),
                "doc_url": .string("https://stripe.com/docs/\(testKey)"),
            ]
        ]
        let error = try await error(for: .json(body, status: 400, headers: [("Request-Id", "req_1")]))
        #expect(error.requestLogURL == "https://dashboard.stripe.com/test/logs/req_1?key=sk_test_…")
        #expect(error.docURL == "https://stripe.com/docs/sk_test_…")
        #expect(
            error.description
                == "Stripe api HTTP 400 invalid_request_error: Bad. (request req_1, "
                + "log https://dashboard.stripe.com/test/logs/req_1?key=sk_test_…, docs https://stripe.com/docs/sk_test_…)"
        )
    }

    @Test("401 redacts the key Stripe echoes")
    func unauthorized() async throws {
        let error = try await error(
            for: .stripeError(
                status: 401, type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****abcd"))
        #expect(error.httpStatus == 401)
        #expect(error.message == "Invalid API Key provided: sk_test_…")
        #expect(error.requestWasNotApplied)
    }

    @Test("402 card errors keep the decline code")
    func cardError() async throws {
        let error = try await error(
            for: .stripeError(
                status: 402, type: "card_error", code: "card_declined", message: "Your card was declined.",
                declineCode: "insufficient_funds"))
        #expect(error.type == "card_error")
        #expect(error.code == "card_declined")
        #expect(error.declineCode == "insufficient_funds")
        #expect(error.requestWasNotApplied)
        #expect(
            error.description.hasPrefix(
                "Stripe api HTTP 402 card_error card_declined decline_code=insufficient_funds: "))
    }

    @Test("403 from a restricted key says which permission is missing, without the key")
    func restrictedKey() async throws {
        let error = try await error(
            for: .stripeError(
                status: 403, type: "invalid_request_error",
                message: "The provided key 'rk_test_****abcd' does not have the required permissions for this "
                    + "endpoint on account 'acct_1'. Having the 'rak_refund_write' permission would allow this "
                    + "request to continue."))
        #expect(
            error.message
                == "The provided key 'rk_test_…' does not have the required permissions for this endpoint on "
                + "account 'acct_1'. Having the 'rak_refund_write' permission would allow this request to continue.")
        #expect(error.httpStatus == 403)
    }

    @Test("404 resource_missing names the parameter")
    func resourceMissing() async throws {
        let error = try await error(for: .resourceMissing("customer", id: "cus_1"))
        #expect(error.code == "resource_missing")
        #expect(error.param == "id")
        #expect(error.message == "No such customer: 'cus_1'")
        #expect(error.requestID?.hasPrefix("req_") == true)
    }

    @Test("a non-JSON 404 page is undecodable, and still not applied")
    func htmlNotFound() async throws {
        let error = try await error(
            for: .respond(status: 404, headers: [("Content-Type", "text/html")], body: "<h1>Not Found</h1>"))
        #expect(error.kind == .undecodable)
        #expect(error.httpStatus == 404)
        #expect(error.message == "Stripe answered HTTP 404 with a body that is not Stripe's error JSON.")
        #expect(error.requestWasNotApplied)
    }

    @Test(
        "409, 429 and 500 are API errors whose effect is unknown or refused",
        arguments: [(409, false), (429, true), (500, false)])
    func retryableStatuses(status: Int, notApplied: Bool) async throws {
        let error = try await error(
            for: .stripeError(status: status, type: "api_error", message: "Try again later."))
        #expect(error.kind == .api)
        #expect(error.httpStatus == status)
        #expect(error.requestWasNotApplied == notApplied)
    }

    @Test("a truncated or wrongly shaped success body is undecodable, naming the field")
    func undecodableSuccess() async throws {
        let truncated = try await error(for: .respond(status: 200, headers: [], body: #"{"id": "cus_1", "obj"#))
        #expect(truncated.kind == .undecodable)
        #expect(truncated.message == "Stripe's answer (HTTP 200) could not be decoded: the body is not JSON.")
        #expect(!truncated.requestWasNotApplied)

        let harness = try Harness(maxRetries: 0)
        harness.fake.enqueue(.json(["id": "pi_1", "currency": "usd"]))
        let shape = try #require(await stripeError { try await harness.client.paymentIntent(id: "pi_1") })
        #expect(shape.message == "Stripe's answer (HTTP 200) could not be decoded: field amount is missing.")
    }

    @Test("a live-mode object is refused with a test key")
    func liveObject() async throws {
        let error = try await error(for: .json(StripeShape.customer.json(["livemode": true])))
        #expect(error.kind == .liveModeRefused)
        #expect(error.message == "Stripe returned a live-mode object to a test-mode key; it was not used.")

        let harness = try Harness(maxRetries: 0)
        harness.fake.enqueue(.list([StripeShape.customer.json(["livemode": true])], url: "/v1/customers"))
        let listError = await stripeError { try await harness.client.customers(email: "a@b.c", limit: 1) }
        #expect(listError?.kind == .liveModeRefused)
    }

    @Test("a refused connection is a connection error that certainly did nothing")
    func connectionRefused() async throws {
        let refusing = try RefusingPort()
        var configuration = try StripeConfiguration(apiKey: testKey, apiBase: refusing.baseURL, maxRetries: 0)
        configuration.retryPolicy.sleep = { _ in }
        let error = try #require(
            await stripeError { try await StripeClient(configuration: configuration).customer(id: "cus_1") })
        #expect(error.kind == .connection)
        #expect(error.curlCode == 7)
        #expect(error.requestWasNotApplied)
        #expect(error.message == "Could not reach Stripe: Couldn't connect to server.")
        #expect(error.description == "Stripe connection curl=7: Could not reach Stripe: Couldn't connect to server.")
        withExtendedLifetime(refusing) {}  // bound until the call is over
    }

    @Test("a dropped connection after the request is a connection error with an unknown outcome")
    func dropped() async throws {
        let error = try await error(for: .dropConnection)
        #expect(error.kind == .connection)
        #expect(error.curlCode == 52)
        #expect(!error.requestWasNotApplied)
        #expect(error.message == "Could not reach Stripe: Server returned nothing (no headers, no data).")
    }

    @Test("an error's description never shows a key, even one a caller put in the message")
    func descriptionRedacted() {
        let error = StripeError(kind: .api, message: "echo \(testKey)", requestWasNotApplied: false)
        #expect(error.description == "Stripe api: echo sk_test_…")
    }
}

@Suite("Stripe errors over TLS")
struct StripeErrorTLSTests {
    @Test("a TLS failure is a connection error that is never retried")
    func tlsFailure() async throws {
        let fake = try StripeFake.start()
        let sleeps = SleepRecorder()
        var configuration = try StripeConfiguration(apiKey: testKey, apiBase: "https://127.0.0.1:\(fake.port)")
        configuration.retryPolicy.sleep = { sleeps.record($0) }
        let error = try #require(
            await stripeError { try await StripeClient(configuration: configuration).customer(id: "cus_1") })
        #expect(error.kind == .connection)
        #expect(error.curlCode == 35)
        #expect(error.requestWasNotApplied)
        #expect(fake.connectionCount == 1)
        #expect(sleeps.recorded.isEmpty)
        #expect(fake.requests.isEmpty)
    }
}
