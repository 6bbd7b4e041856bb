/// Turning a `StripeRequest` into what goes on the wire.
extension StripeRequest {
    /// Whether `key` can be sent as an `Idempotency-Key` header: 1 to 255 printable ASCII characters, so it
    /// cannot end the header early or smuggle another one in.
    static func isValidIdempotencyKey(_ key: String) -> Bool {
        (1...255).contains(key.utf8.count) && key.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// The header lines for this request, given the key, the client's identity and the idempotency key that
    /// every attempt of this call shares.
    func headerLines(key: StripeKey, userAgent: String, clientUserAgent: String, idempotencyKey: String?)
        -> [String]
    {
        var lines = [
            "Authorization: Bearer \(key.secret)",
            "Stripe-Version: \(StripeClient.apiVersion)",
            "User-Agent: \(userAgent)",
            "X-Stripe-Client-User-Agent: \(clientUserAgent)",
            "Accept: application/json",
        ]
        if method == .post {
            lines.append("Content-Type: application/x-www-form-urlencoded")
            // Stripe answers quickly; waiting for `100 Continue` on larger bodies only adds a round trip.
            lines.append("Expect:")
        }
        if let idempotencyKey {
            lines.append("Idempotency-Key: \(idempotencyKey)")
        }
        return lines
    }
}
