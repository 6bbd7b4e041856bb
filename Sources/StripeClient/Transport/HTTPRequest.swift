/// A request as the transport sends it: URL, method, header lines and body, with the timeouts to keep.
struct HTTPRequest: Sendable {
    /// The full URL, query included.
    var url: String
    /// `GET`, `POST` or `DELETE`.
    var method: StripeRequest.Method
    /// `Name: value` lines.
    var headers: [String]
    /// The form-encoded body of a POST (ASCII, so it holds no NUL).
    var body: String?
    /// How long connecting may take, in milliseconds.
    var connectTimeoutMilliseconds: Int
    /// How long the whole transfer may take, in milliseconds.
    var totalTimeoutMilliseconds: Int
}
