import CCurl
import Testing

@testable import StripeClient

@Suite("A transfer's outcome keeps whether the request was sent")
struct CurlEasyTransferTests {
    @Test("a completed transfer whose status cannot be read counts as sent: Stripe may have acted")
    func unreadableStatusAfterSending() {
        let outcome = CurlEasy.outcome(of: CURLE_OK, requestSent: true) { () throws(TransportFailure) in
            throw TransportFailure(code: CURLE_BAD_FUNCTION_ARGUMENT, requestSent: false)
        }

        guard case .failure(let failure) = outcome else {
            Issue.record("an unreadable status must not become an answer")
            return
        }
        #expect(failure.code == CURLE_BAD_FUNCTION_ARGUMENT)
        #expect(failure.requestSent)
        #expect(!StripeError(failure).requestWasNotApplied)
    }

    @Test("a transfer that failed before sending certainly did nothing")
    func failedBeforeSending() {
        let outcome = CurlEasy.outcome(of: CURLE_COULDNT_CONNECT, requestSent: false) { () throws(TransportFailure) in
            Issue.record("a failed transfer has no answer to read")
            return HTTPResponse(status: 200, headers: [], body: [])
        }

        guard case .failure(let failure) = outcome else {
            Issue.record("a failed transfer must not become an answer")
            return
        }
        #expect(failure.code == CURLE_COULDNT_CONNECT)
        #expect(!failure.requestSent)
        #expect(StripeError(failure).requestWasNotApplied)
    }

    @Test("a completed transfer with a readable status is the answer")
    func answer() throws {
        let outcome = CurlEasy.outcome(of: CURLE_OK, requestSent: true) { () throws(TransportFailure) in
            HTTPResponse(status: 201, headers: [("Request-Id", "req_1")], body: Array("{}".utf8))
        }

        let response = try outcome.get()
        #expect(response.status == 201)
        #expect(response.requestID == "req_1")
    }
}
