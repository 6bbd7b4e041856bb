import CCurl

/// A transfer that ended without an HTTP answer, with libcurl's code and whether the request went out.
struct TransportFailure: Error, Sendable {
    /// libcurl's `CURLcode`.
    var code: CURLcode
    /// Whether a connection was made and the request may have been sent, so Stripe may have acted on it.
    var requestSent: Bool

    /// libcurl's explanation of the code, which names no URL, header or key.
    var curlMessage: String {
        guard let curl = LibCurl.shared else { return "\(LibCurl.fileName) could not be loaded" }
        return curl.easyStrerror(code).map { String(cString: $0) } ?? "curl error \(code.rawValue)"
    }

    /// Whether the caller cancelled the transfer (the progress callback aborted it).
    var isCancelled: Bool { code == CURLE_ABORTED_BY_CALLBACK }

    /// Whether the connect or total timeout passed.
    var isTimeout: Bool { code == CURLE_OPERATION_TIMEDOUT }

    /// Whether trying again may succeed: the network failed, not the request or the server's identity.
    ///
    /// TLS failures (an unverifiable certificate above all) are never retried: they do not heal in a
    /// second, and retrying against an impostor only sends it more requests.
    var isRetryable: Bool {
        [
            CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_SEND_ERROR,
            CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
        ].contains(code)
    }
}
