/// Unguessable single-use tokens for the refund gate.
enum ApprovalToken {
    /// A fresh token: `prefix` (`rfa_` for confirmation tokens, `rrq_` for refund requests) and 144 random bits
    /// from the system's cryptographic generator, base64url.
    static func make(prefix: String = "rfa_") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<18).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Base64URL.encode(bytes)
    }
}
