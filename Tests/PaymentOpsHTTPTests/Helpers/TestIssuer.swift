import CryptoExtras
import DynamicJSON
import FoundationEssentials
import Hummingbird
import JWTKit
import Logging

/// The claims a test token carries; every field can be left out or set wrong on purpose.
struct TestClaims: JWTPayload {
    var iss: String?
    var sub: String?
    var aud: [String]?
    var exp: Double?
    var nbf: Double?
    var email: String?
    var scope: String?
    var scp: [String]?

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// The test's authorization server: RSA and EC signing keys, and a loopback HTTP server publishing its metadata
/// and its JWKS, as a company's identity provider would.
final class TestIssuer: Sendable {
    /// The RSA key the JWKS publishes as `rsa-1` (RS256).
    static let rsa = try! JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
    /// The P-256 key the JWKS publishes as `ec-1` (ES256).
    static let ec = ES256PrivateKey()
    /// A key the JWKS never publishes.
    static let rogue = try! JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))

    /// The issuer's URL (`http://127.0.0.1:PORT`).
    let url: String
    /// Counts JWKS fetches, to see the cache and the refetch limit work.
    let jwksFetches: Counter

    private init(url: String, jwksFetches: Counter) {
        self.url = url
        self.jwksFetches = jwksFetches
    }

    /// The keys a test signs with, and the `kid` each token names by default.
    enum SigningKey: Sendable {
        /// `rsa-1`, RS256: what the issuer signs with.
        case rsa
        /// `ec-1`, ES256: the issuer's other key.
        case ec
        /// A key the issuer never published, under a `kid` of its own.
        case rogue
        /// The published RSA key, but with RS384.
        case rsa384
        /// HS256 keyed with the RSA public key's PEM, claiming to be `rsa-1`: the classic algorithm confusion.
        case hmacWithPublicKey

        var defaultKid: String {
            switch self {
            case .rsa, .rsa384, .hmacWithPublicKey: "rsa-1"
            case .ec: "ec-1"
            case .rogue: "rogue"
            }
        }

        /// jwt-kit keys holding only this key, as the default, so the header's `kid` can say anything.
        func collection() async throws -> JWTKeyCollection {
            let keys = JWTKeyCollection()
            switch self {
            case .rsa: await keys.add(rsa: TestIssuer.rsa, digestAlgorithm: .sha256)
            case .ec: await keys.add(ecdsa: TestIssuer.ec)
            case .rogue: await keys.add(rsa: TestIssuer.rogue, digestAlgorithm: .sha256)
            case .rsa384: await keys.add(rsa: TestIssuer.rsa, digestAlgorithm: .sha384)
            case .hmacWithPublicKey:
                await keys.add(
                    hmac: HMACKey(from: try TestIssuer.rsa.publicKey.pemRepresentation), digestAlgorithm: .sha256)
            }
            return keys
        }
    }

    /// Starts the issuer's server for the duration of `body`; `published` replaces the JWKS document.
    static func run<T: Sendable>(
        metadataPath: String = "/.well-known/oauth-authorization-server", publishing published: JSONValue? = nil,
        _ body: (TestIssuer) async throws -> T
    ) async throws -> T {
        let fetches = Counter()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let portBox = Box<String>()
        let router = Router()
        router.get(RouterPath(metadataPath)) { _, _ in
            json(["issuer": .string(portBox.value ?? ""), "jwks_uri": .string((portBox.value ?? "") + "/jwks")])
        }
        router.get("/jwks") { _, _ in
            fetches.increment()
            return json(try published ?? jwks())
        }
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) },
            logger: Logger(label: "test-issuer") { _ in SwiftLogNoOpLogHandler() })
        let server = Task { try await application.run() }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let url = "http://127.0.0.1:\(port)"
        portBox.value = url
        return try await body(TestIssuer(url: url, jwksFetches: fetches))
    }

    /// The published keys: `rsa-1` without `alg` (so only this server's own check stops RS384 with it), `ec-1`.
    static func jwks() throws -> JSONValue {
        let (modulus, exponent) = try rsa.publicKey.getKeyPrimitives()
        let parameters = ec.publicKey.parameters
        return [
            "keys": [
                [
                    "kty": "RSA", "kid": "rsa-1", "use": "sig", "n": .string(base64URL(modulus)),
                    "e": .string(base64URL(exponent)),
                ],
                [
                    "kty": "EC", "kid": "ec-1", "crv": "P-256", "alg": "ES256", "x": .string(parameters?.x ?? ""),
                    "y": .string(parameters?.y ?? ""),
                ],
            ]
        ]
    }

    /// A token signed with `key`, its header naming `kid` (by default the key's own).
    static func token(_ claims: TestClaims, key: SigningKey = .rsa, kid: String? = nil) async throws -> String {
        var header = JWTHeader()
        header.kid = kid ?? key.defaultKid
        return try await key.collection().sign(claims, header: header)
    }

    /// An unsigned token (`alg: none`) naming a published key.
    static func unsignedToken(_ claims: TestClaims) throws -> String {
        let header = base64URL(Data(#"{"alg":"none","kid":"rsa-1","typ":"JWT"}"#.utf8))
        let payload = base64URL(try JSONEncoder().encode(claims))
        return header + "." + payload + "."
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }

    private static func json(_ value: JSONValue) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: (try? JSONCodec.encode(value)) ?? [])))
    }
}
