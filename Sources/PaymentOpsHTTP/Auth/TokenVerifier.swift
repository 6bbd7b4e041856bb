import DynamicJSON
import FoundationEssentials
import JWTKit
import PaymentOpsMCP

/// Verifies bearer tokens: the header checked by this server first (an algorithm it accepts, a `kid` the issuer
/// published for that algorithm), the signature by jwt-kit, then `iss`, `aud`, `exp` and `nbf` with the leeway.
/// A verified token is cached until it expires, so an agent's requests after its first cost a dictionary lookup.
actor TokenVerifier {
    private let issuer: String
    private let audience: String
    private let leeway: TimeInterval
    private let now: @Sendable () -> Date
    private let keys: IssuerKeys
    private var verified: [String: AccessToken] = [:]

    /// Creates a verifier for tokens `issuer` minted for `audience`.
    init(settings: HTTPSettings, logger: PaymentOpsMCP.Logger) {
        issuer = settings.issuer
        audience = settings.publicURL.resource
        leeway = settings.leeway
        now = settings.now
        keys = IssuerKeys(
            issuer: settings.issuer, refetchInterval: settings.keyRefetchInterval, now: settings.now, logger: logger)
    }

    /// Loads the issuer's keys ahead of the first request.
    func prefetchKeys() async {
        await keys.refresh()
    }

    /// The verified token, or why it is refused (a message for the server's log, never the token itself).
    func verify(_ token: String) async throws(TokenRejection) -> AccessToken {
        if let cached = verified[token] {
            guard now().timeIntervalSince(cached.expiresAt) <= leeway else {
                verified[token] = nil
                throw TokenRejection("expired")
            }
            return cached
        }
        let header = try Self.header(of: token)
        guard let alg = header["alg"]?.stringValue, alg == "RS256" || alg == "ES256" else {
            throw TokenRejection("algorithm \(header["alg"]?.stringValue ?? "missing") is not RS256 or ES256")
        }
        guard let kid = header["kid"]?.stringValue else { throw TokenRejection("no kid") }
        let keySet = await keys.keys(for: kid)
        // jwt-kit would fall back to a default key for an unknown kid, and would use a key with the token's alg.
        guard keySet.algorithms[kid] == alg else {
            throw TokenRejection("kid \(kid) is not an \(alg) key of the issuer")
        }
        let claims: AccessClaims
        do {
            claims = try await keySet.collection.verify(token, as: AccessClaims.self)
        } catch {
            throw TokenRejection("signature or payload refused: \(error)")
        }
        let accepted = try check(claims)
        if verified.count > 10_000 { verified = verified.filter { now() < $0.value.expiresAt } }
        verified[token] = accepted
        return accepted
    }

    private func check(_ claims: AccessClaims) throws(TokenRejection) -> AccessToken {
        guard claims.iss == issuer else { throw TokenRejection("issuer is not \(issuer)") }
        guard claims.aud.contains(audience) else { throw TokenRejection("audience does not include \(audience)") }
        guard let exp = claims.exp else { throw TokenRejection("no exp") }
        let time = now().timeIntervalSince1970
        guard time <= exp + leeway else { throw TokenRejection("expired") }
        if let nbf = claims.nbf, time < nbf - leeway { throw TokenRejection("not valid yet") }
        guard let subject = claims.sub, !subject.isEmpty else { throw TokenRejection("no sub") }
        let actor = claims.email.flatMap { $0.isEmpty ? nil : $0 } ?? subject
        return AccessToken(
            subject: subject, actor: actor, scopes: Set(claims.scopes.compactMap(OAuthScope.init(rawValue:))),
            expiresAt: Date(timeIntervalSince1970: exp))
    }

    /// The token's JOSE header, decoded without trusting anything in it yet.
    private static func header(of token: String) throws(TokenRejection) -> JSONValue {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let bytes = base64URLDecode(parts[0]), let header = try? JSONCodec.parse(bytes),
            header.objectValue != nil
        else { throw TokenRejection("not a JWS compact token") }
        return header
    }

    private static func base64URLDecode(_ text: Substring) -> [UInt8]? {
        var base64 = String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}

/// Why a bearer token was refused; logged at debug level, never with the token.
struct TokenRejection: Error, CustomStringConvertible {
    /// The reason.
    let reason: String

    init(_ reason: String) { self.reason = reason }

    var description: String { reason }
}
