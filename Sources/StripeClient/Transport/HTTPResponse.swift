/// An HTTP answer as the transport received it: status, headers in order, and the raw body.
struct HTTPResponse: Sendable {
    /// The final status code (after any `100 Continue`).
    var status: Int
    /// The final response's headers, in the order received.
    var headers: [(name: String, value: String)]
    /// The body bytes.
    var body: [UInt8]

    /// The last value of a header, compared case-insensitively.
    func header(_ name: String) -> String? {
        let lowercased = name.lowercased()
        return headers.last { $0.name.lowercased() == lowercased }?.value
    }

    /// Stripe's `Request-Id`, which its support can look up.
    var requestID: String? { header("Request-Id") }
}
