/// Unguessable single-use tokens for the refund gate.
enum ApprovalToken {
    /// A fresh token: `rfa_` and 144 random bits from the system's cryptographic generator, base64url.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<18).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "rfa_" + Base64URL.encode(bytes)
    }
}
