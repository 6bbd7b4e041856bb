public import FoundationEssentials

/// Everything the team server needs beyond the engine: where it listens, who it is, whom it trusts, and its limits.
public struct HTTPSettings: Sendable {
    /// The address the server listens on.
    public var bind: BindTarget
    /// `PAYMENT_OPS_PUBLIC_URL`: the URL clients use; its path is the MCP endpoint, and tokens' `aud` must hold it.
    public var publicURL: PublicURL
    /// `PAYMENT_OPS_OAUTH_ISSUER`: the authorization server whose tokens are accepted.
    public var issuer: String
    /// `PAYMENT_OPS_ALLOWED_ORIGINS`: the `Origin` values browsers may send; requests without `Origin` are served.
    public var allowedOrigins: Set<String>
    /// `PAYMENT_OPS_RATE_LIMIT`: requests per second per subject; the burst is twice that.
    public var rateLimit: Double
    /// Largest accepted request body.
    public var maximumBodySize = 1 << 20
    /// A handshake-era session unused this long is forgotten.
    public var sessionIdleLifetime: TimeInterval = 30 * 60
    /// How far `exp` and `nbf` may be off (clock skew between the issuer and this server).
    public var leeway: TimeInterval = 60
    /// Shortest time between two JWKS fetches triggered by a token with an unknown `kid`.
    public var keyRefetchInterval: TimeInterval = 30
    /// A connection with no traffic for this long is closed; longer than the engine's 50 s wait for a human.
    public var idleTimeout: Duration = .seconds(75)
    /// A connection that has not sent a complete request head this long after opening is closed.
    public var headerTimeout: Duration = .seconds(10)
    /// The clock of token lifetimes, sessions and rate limits; tests move it.
    public var now: @Sendable () -> Date = { Date() }

    /// Creates settings; the limits start at their defaults.
    public init(
        bind: BindTarget, publicURL: PublicURL, issuer: String, allowedOrigins: Set<String> = [],
        rateLimit: Double = 200
    ) {
        self.bind = bind
        self.publicURL = publicURL
        self.issuer = issuer
        self.allowedOrigins = allowedOrigins
        self.rateLimit = rateLimit
    }

    /// The settings from the environment's values, or one line naming the setting that is wrong.
    /// - Parameters:
    ///   - listen: `--http`'s value, `HOST:PORT`; `nil` for the default `127.0.0.1:8931`.
    ///   - value: The setting named so, trimmed, or `nil` when unset.
    public static func read(listen: String?, value: (String) -> String?) throws(HTTPSettingsError) -> HTTPSettings {
        let bind = try BindTarget(parsing: listen ?? BindTarget.defaultValue)
        guard let rawURL = value("PAYMENT_OPS_PUBLIC_URL") else {
            throw HTTPSettingsError("serve --http needs PAYMENT_OPS_PUBLIC_URL, the URL clients reach the server at")
        }
        let publicURL = try PublicURL(parsing: rawURL)
        guard let issuer = value("PAYMENT_OPS_OAUTH_ISSUER") else {
            throw HTTPSettingsError("serve --http needs PAYMENT_OPS_OAUTH_ISSUER, the authorization server's URL")
        }
        guard let issuerURL = URL(string: issuer), issuerURL.host != nil,
            issuerURL.scheme == "https" || (issuerURL.scheme == "http" && PublicURL.isLoopback(issuerURL.host))
        else {
            throw HTTPSettingsError("PAYMENT_OPS_OAUTH_ISSUER must be an https URL (http only on loopback)")
        }
        let origins = (value("PAYMENT_OPS_ALLOWED_ORIGINS") ?? "").split(separator: ",")
            .map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        var settings = HTTPSettings(bind: bind, publicURL: publicURL, issuer: issuer, allowedOrigins: Set(origins))
        if let limit = value("PAYMENT_OPS_RATE_LIMIT") {
            guard let parsed = Double(limit), parsed >= 1, parsed <= 1_000_000 else {
                throw HTTPSettingsError(
                    "PAYMENT_OPS_RATE_LIMIT must be a number of requests per second, not \"\(limit)\"")
            }
            settings.rateLimit = parsed
        }
        return settings
    }
}

/// A team-server setting that cannot be used: one line naming it.
public struct HTTPSettingsError: Error, Equatable, CustomStringConvertible {
    /// What is wrong and which setting to change.
    public let message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
