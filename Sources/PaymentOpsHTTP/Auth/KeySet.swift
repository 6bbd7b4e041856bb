import DynamicJSON
import JWTKit

/// The issuer's published signing keys that this server accepts, and jwt-kit's verifiers for them.
///
/// Only RSA keys used with RS256 and P-256 keys used with ES256 are taken; each verifier is made for exactly that
/// algorithm, so a key published without `alg` cannot be used with RS384, PS256 or anything else.
struct KeySet: Sendable {
    /// The algorithm each accepted `kid` verifies.
    let algorithms: [String: String]
    /// jwt-kit's keys, one per accepted `kid`; it is asked only about a `kid` that `algorithms` holds.
    let collection: JWTKeyCollection

    /// No keys: what the verifier holds before the first fetch succeeds.
    static let empty = KeySet(algorithms: [:], collection: JWTKeyCollection())

    private init(algorithms: [String: String], collection: JWTKeyCollection) {
        self.algorithms = algorithms
        self.collection = collection
    }

    /// Reads a JWKS document (RFC 7517); keys of other types, curves, algorithms or uses are skipped.
    /// - Throws: `KeySetError` when the document is not a JWKS.
    static func parse(_ bytes: some Collection<UInt8>) async throws -> KeySet {
        guard let keys = (try? JSONCodec.parse(bytes))?["keys"]?.arrayValue else {
            throw KeySetError(reason: "the JWKS document has no \"keys\" array")
        }
        let collection = JWTKeyCollection()
        var algorithms: [String: String] = [:]
        for key in keys {
            guard let kid = key["kid"]?.stringValue, key["use"]?.stringValue ?? "sig" == "sig" else { continue }
            let alg = key["alg"]?.stringValue
            switch (key["kty"]?.stringValue, alg) {
            case ("RSA", nil), ("RSA", "RS256"):
                guard let modulus = key["n"]?.stringValue, let exponent = key["e"]?.stringValue,
                    let publicKey = try? Insecure.RSA.PublicKey(modulus: modulus, exponent: exponent)
                else { continue }
                await collection.add(rsa: publicKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
                algorithms[kid] = "RS256"
            case ("EC", nil), ("EC", "ES256"):
                guard key["crv"]?.stringValue == "P-256", let x = key["x"]?.stringValue, let y = key["y"]?.stringValue,
                    let publicKey = try? ES256PublicKey(parameters: (x: x, y: y))
                else { continue }
                await collection.add(ecdsa: publicKey, kid: JWKIdentifier(string: kid))
                algorithms[kid] = "ES256"
            default:
                continue
            }
        }
        return KeySet(algorithms: algorithms, collection: collection)
    }
}

/// A JWKS or metadata document that could not be used.
struct KeySetError: Error, CustomStringConvertible {
    /// What was wrong with it.
    let reason: String

    var description: String { reason }
}
