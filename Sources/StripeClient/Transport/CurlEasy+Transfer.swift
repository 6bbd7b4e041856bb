import CCurl

extension CurlEasy {
    /// Sends `request` and collects the answer, blocking the calling thread until the transfer ends.
    ///
    /// Every option is set afresh (after `reset`, which keeps the handle's live connection for reuse).
    /// Peer and host verification stay on, only http and https are spoken, redirects are not followed, and
    /// both timeouts always apply.
    func transfer(_ request: HTTPRequest, cancellation: CancellationFlag) -> Result<HTTPResponse, TransportFailure> {
        reset()
        let state = CurlTransferState(cancellation: cancellation)
        do throws(TransportFailure) {
            let headers = try CurlHeaderList(request.headers, curl: curl)
            try configure(for: request, headers: headers, state: state)
            let code = withExtendedLifetime(headers) { withExtendedLifetime(state) { perform() } }
            return Self.outcome(of: code, requestSent: state.requestSent) { () throws(TransportFailure) in
                HTTPResponse(status: try info(CURLINFO_RESPONSE_CODE), headers: state.headers, body: state.body)
            }
        } catch {
            // Building the header list or setting an option failed: nothing was sent.
            return .failure(error)
        }
    }

    /// The answer of a transfer that `perform` ended with `code`, or why there is none.
    ///
    /// Every failure keeps whether the request went out, including a failure to read the answer of a completed
    /// transfer: once the request was sent, Stripe may have acted on it, so the caller must not take the
    /// failure for proof that nothing happened.
    static func outcome(
        of code: CURLcode, requestSent: Bool, answer: () throws(TransportFailure) -> HTTPResponse
    ) -> Result<HTTPResponse, TransportFailure> {
        guard code == CURLE_OK else { return .failure(TransportFailure(code: code, requestSent: requestSent)) }
        do throws(TransportFailure) {
            return .success(try answer())
        } catch {
            return .failure(TransportFailure(code: error.code, requestSent: requestSent))
        }
    }

    private func configure(
        for request: HTTPRequest, headers: CurlHeaderList, state: CurlTransferState
    ) throws(TransportFailure) {
        try set(CURLOPT_URL, request.url)
        // Signals cannot be used for timeouts when several threads run transfers.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeoutMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, request.totalTimeoutMilliseconds)
        try set(headers: headers)
        switch request.method {
        case .get:
            try set(CURLOPT_HTTPGET, 1)
        case .post:
            let body = request.body ?? ""
            try set(CURLOPT_POST, 1)
            try set(CURLOPT_POSTFIELDSIZE, body.utf8.count)
            try set(CURLOPT_COPYPOSTFIELDS, body)
        case .delete:
            try set(CURLOPT_CUSTOMREQUEST, "DELETE")
        }
        try set(CURLOPT_WRITEFUNCTION, callback: CurlTransferState.write)
        try set(CURLOPT_WRITEDATA, context: state.context)
        try set(CURLOPT_HEADERFUNCTION, callback: CurlTransferState.header)
        try set(CURLOPT_HEADERDATA, context: state.context)
        try set(CURLOPT_NOPROGRESS, 0)
        try set(progress: CurlTransferState.progress)
        try set(CURLOPT_XFERINFODATA, context: state.context)
        try set(prerequest: CurlTransferState.prerequest)
        try set(CURLOPT_PREREQDATA, context: state.context)
    }
}
