import JWTKit

/// The claims of an access token as the issuer wrote them; `TokenVerifier` checks them, not this type, so that the
/// leeway and the audience rule are ours.
struct AccessClaims: JWTPayload {
    var iss: String?
    var sub: String?
    var aud: [String]
    var exp: Double?
    var nbf: Double?
    var email: String?
    var scopes: [String]

    private enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, nbf, email, scope, scp
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decodeIfPresent(String.self, forKey: .iss)
        sub = try container.decodeIfPresent(String.self, forKey: .sub)
        if let single = try? container.decode(String.self, forKey: .aud) {
            aud = [single]
        } else {
            aud = try container.decodeIfPresent([String].self, forKey: .aud) ?? []
        }
        exp = try container.decodeIfPresent(Double.self, forKey: .exp)
        nbf = try container.decodeIfPresent(Double.self, forKey: .nbf)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        // RFC 8693 `scope` is one space-separated string; some issuers write an `scp` array instead.
        var scopes = (try container.decodeIfPresent(String.self, forKey: .scope))?.split(separator: " ").map(
            String.init)
        if let list = try? container.decode([String].self, forKey: .scp) { scopes = (scopes ?? []) + list }
        self.scopes = scopes ?? []
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(iss, forKey: .iss)
        try container.encodeIfPresent(sub, forKey: .sub)
        try container.encode(aud, forKey: .aud)
        try container.encodeIfPresent(exp, forKey: .exp)
        try container.encodeIfPresent(nbf, forKey: .nbf)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encode(scopes.joined(separator: " "), forKey: .scope)
    }

    /// Signature only: the claims are checked by `TokenVerifier`, against its clock and leeway.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
