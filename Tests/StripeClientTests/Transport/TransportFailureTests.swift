import CCurl
import Testing

@testable import StripeClient

@Suite("TransportFailure")
struct TransportFailureTests {
    @Test(
        "network failures are retried",
        arguments: [
            CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
        ])
    func retried(code: CURLcode) {
        #expect(TransportFailure(code: code, requestSent: true).isRetryable)
    }

    @Test(
        "TLS verification and other failures are not",
        arguments: [
            CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
            CURLE_ABORTED_BY_CALLBACK, CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT,
        ])
    func notRetried(code: CURLcode) {
        #expect(!TransportFailure(code: code, requestSent: false).isRetryable)
    }

    @Test("a timeout before the request went out (in the connect phase) certainly did nothing")
    func connectTimeout() {
        let connecting = StripeError(TransportFailure(code: CURLE_OPERATION_TIMEDOUT, requestSent: false))
        #expect(connecting.kind == .timeout)
        #expect(connecting.requestWasNotApplied)
        #expect(connecting.message == "Stripe did not answer in time: Timeout was reached.")
        let waiting = StripeError(TransportFailure(code: CURLE_OPERATION_TIMEDOUT, requestSent: true))
        #expect(!waiting.requestWasNotApplied)
    }

    @Test("an unverifiable certificate is reported as a connection error with curl's code")
    func verification() {
        let error = StripeError(TransportFailure(code: CURLE_PEER_FAILED_VERIFICATION, requestSent: false))
        #expect(error.kind == .connection)
        #expect(error.curlCode == 60)
        #expect(error.requestWasNotApplied)
    }
}
