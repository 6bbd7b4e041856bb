import AsyncHTTPClient
import DynamicJSON
import FoundationEssentials
import NIOCore
import NIOHTTP1
import PaymentOpsMCP

/// The issuer's keys: found through its metadata, fetched once, and fetched again — at most once per
/// `refetchInterval` — when a token names a `kid` the cached set does not have (the issuer rotated its keys).
actor IssuerKeys {
    private let issuer: String
    private let refetchInterval: TimeInterval
    private let now: @Sendable () -> Date
    private let logger: PaymentOpsMCP.Logger
    private var keys = KeySet.empty
    private var jwksURL: String?
    private var lastFetch: Date?
    private var fetching: Task<Void, Never>?

    /// Creates the cache; nothing is fetched until `keys(for:)` or `refresh()`.
    init(
        issuer: String, refetchInterval: TimeInterval, now: @escaping @Sendable () -> Date, logger: PaymentOpsMCP.Logger
    ) {
        self.issuer = issuer
        self.refetchInterval = refetchInterval
        self.now = now
        self.logger = logger
    }

    /// The key set, refreshed first when it does not hold `kid` and the last fetch is old enough.
    func keys(for kid: String) async -> KeySet {
        if keys.algorithms[kid] == nil { await refresh() }
        return keys
    }

    /// Fetches the metadata (once) and the JWKS, unless a fetch happened within `refetchInterval`; concurrent
    /// callers share one fetch.
    func refresh() async {
        if let fetching { return await fetching.value }
        if let lastFetch, now().timeIntervalSince(lastFetch) < refetchInterval { return }
        let task = Task { await self.fetch() }
        fetching = task
        await task.value
        fetching = nil
    }

    private func fetch() async {
        lastFetch = now()
        do {
            if jwksURL == nil { jwksURL = try await Self.metadata(of: issuer).jwksURL }
            keys = try await Self.keySet(at: jwksURL ?? "")
            logger.log(.info, "loaded \(keys.algorithms.count) signing keys from the issuer's JWKS")
        } catch {
            logger.log(.error, "could not load the issuer's signing keys: \(error)")
        }
    }

    /// Where the issuer's metadata names its JWKS: `jwks_uri` from RFC 8414 metadata, else from OpenID Connect
    /// discovery, and the document that said so.
    /// - Throws: `KeySetError` when neither document gives a `jwks_uri`, or one names another issuer.
    static func metadata(of issuer: String) async throws -> (jwksURL: String, document: String) {
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        var failures: [String] = []
        for suffix in ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"] {
            let metadata: JSONValue
            do {
                metadata = try JSONCodec.parse(try await get(base + suffix))
            } catch {
                failures.append("\(suffix): \(error)")
                continue
            }
            guard let location = metadata["jwks_uri"]?.stringValue else {
                failures.append("\(suffix): no jwks_uri")
                continue
            }
            guard metadata["issuer"]?.stringValue ?? issuer == issuer else {
                throw KeySetError(reason: "the metadata at \(suffix) names another issuer")
            }
            return (location, base + suffix)
        }
        throw KeySetError(
            reason: "neither metadata document of \(issuer) gives a jwks_uri (\(failures.joined(separator: "; ")))")
    }

    /// The keys the JWKS at `location` publishes that this server accepts.
    /// - Throws: `KeySetError` when it cannot be fetched or is not a JWKS.
    static func keySet(at location: String) async throws -> KeySet {
        try await KeySet.parse(try await get(location))
    }

    /// GETs a document: https, or http on loopback; bounded in time and size.
    private static func get(_ location: String) async throws -> [UInt8] {
        guard let url = URL(string: location),
            url.scheme == "https" || (url.scheme == "http" && PublicURL.isLoopback(url.host))
        else { throw KeySetError(reason: "\(location) is neither https nor loopback http") }
        var request = HTTPClientRequest(url: location)
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        guard response.status == .ok else { throw KeySetError(reason: "\(location) answered \(response.status.code)") }
        return Array(try await response.body.collect(upTo: 1 << 20).readableBytesView)
    }
}
