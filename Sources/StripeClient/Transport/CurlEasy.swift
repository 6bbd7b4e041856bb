import CCurl

/// Owns one libcurl easy handle, and with it the connection cache that lets sequential transfers reuse a
/// TCP/TLS connection.
///
/// Not `Sendable`: a handle must not be used by two threads at once. `CurlConnection` keeps it behind a lock.
final class CurlEasy {
    /// The loaded library; header lists for this handle's transfers are built with it too.
    let curl: LibCurl
    private let handle: UnsafeMutableRawPointer

    /// Creates a handle, loading libcurl first if this is the first one.
    ///
    /// - Throws: `TransportFailure` when libcurl cannot be loaded, initialise or allocate the handle.
    init() throws(TransportFailure) {
        guard let curl = LibCurl.shared else { throw TransportFailure(code: CURLE_FAILED_INIT, requestSent: false) }
        guard LibCurl.globalInitResult == CURLE_OK else {
            throw TransportFailure(code: LibCurl.globalInitResult, requestSent: false)
        }
        guard let handle = curl.easyInit() else {
            throw TransportFailure(code: CURLE_FAILED_INIT, requestSent: false)
        }
        self.curl = curl
        self.handle = handle
    }

    deinit {
        curl.easyCleanup(handle)
    }

    /// Forgets every option of the last transfer while keeping its live connections and caches.
    func reset() {
        curl.easyReset(handle)
    }

    /// Sets a `long` option.
    func set(_ option: CURLoption, _ value: Int) throws(TransportFailure) {
        try check(payment_ops_curl_setopt_long(curl.setopt, handle, option, value))
    }

    /// Sets a string option; libcurl copies the string.
    func set(_ option: CURLoption, _ value: String) throws(TransportFailure) {
        try check(value.withCString { payment_ops_curl_setopt_string(curl.setopt, handle, option, $0) })
    }

    /// Sets a callback's context pointer.
    func set(_ option: CURLoption, context: UnsafeMutableRawPointer) throws(TransportFailure) {
        try check(payment_ops_curl_setopt_pointer(curl.setopt, handle, option, context))
    }

    /// Sets the request's header lines; `headers` must outlive the transfer.
    func set(headers: CurlHeaderList) throws(TransportFailure) {
        try check(payment_ops_curl_setopt_slist(curl.setopt, handle, CURLOPT_HTTPHEADER, headers.pointer))
    }

    /// Sets a write or header callback.
    func set(_ option: CURLoption, callback: payment_ops_curl_data_callback) throws(TransportFailure) {
        try check(payment_ops_curl_setopt_data_callback(curl.setopt, handle, option, callback))
    }

    /// Sets the transfer-progress callback, which can abort the transfer.
    func set(progress callback: payment_ops_curl_progress_callback) throws(TransportFailure) {
        try check(payment_ops_curl_setopt_progress_callback(curl.setopt, handle, callback))
    }

    /// Sets the callback run once a connection is ready, just before the request is sent.
    func set(prerequest callback: payment_ops_curl_prereq_callback) throws(TransportFailure) {
        try check(payment_ops_curl_setopt_prereq_callback(curl.setopt, handle, callback))
    }

    /// Runs the configured transfer to its end, blocking the calling thread.
    func perform() -> CURLcode {
        curl.easyPerform(handle)
    }

    /// Reads a `long` fact about the last transfer.
    func info(_ info: CURLINFO) throws(TransportFailure) -> Int {
        var value = 0
        try check(payment_ops_curl_getinfo_long(curl.getinfo, handle, info, &value))
        return value
    }

    private func check(_ code: CURLcode) throws(TransportFailure) {
        guard code == CURLE_OK else { throw TransportFailure(code: code, requestSent: false) }
    }
}
