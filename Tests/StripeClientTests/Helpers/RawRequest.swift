import StripeFake

@testable import StripeClient

/// Sends one request to the fake exactly as given, below the client, so that tests can send what the client
/// never would (another `Stripe-Version`) and read the answer's headers (`Idempotent-Replayed`).
func rawRequest(
    to fake: StripeFake, _ method: StripeRequest.Method, _ path: String, body: String? = nil,
    idempotencyKey: String? = nil, version: String? = StripeClient.apiVersion
) async throws -> HTTPResponse {
    var headers = ["Authorization: Bearer \(testKey)", "Accept: application/json"]
    if let version { headers.append("Stripe-Version: \(version)") }
    if let idempotencyKey { headers.append("Idempotency-Key: \(idempotencyKey)") }
    if method == .post { headers += ["Content-Type: application/x-www-form-urlencoded", "Expect:"] }
    let request = HTTPRequest(
        url: fake.baseURL + path, method: method, headers: headers, body: body, connectTimeoutMilliseconds: 5000,
        totalTimeoutMilliseconds: 10000)
    return try await CurlTransport().send(request).get()
}

extension HTTPResponse {
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
}
