import FoundationEssentials

/// `PAYMENT_OPS_PUBLIC_URL`, taken apart: the resource tokens are minted for, and the endpoint's path.
public struct PublicURL: Sendable, Equatable {
    /// The URL as configured: the resource identifier of RFC 8707/9728, compared with `aud` exactly.
    public let resource: String
    /// `scheme://host[:port]`, the base of the metadata URLs.
    public let origin: String
    /// The MCP endpoint's path, `/` when the URL has none.
    public let path: String

    /// Reads the URL: https, or http on a loopback host.
    public init(parsing text: String) throws(HTTPSettingsError) {
        guard let url = URL(string: text), let scheme = url.scheme, let host = url.host, url.query == nil,
            url.fragment == nil
        else {
            throw HTTPSettingsError(
                "PAYMENT_OPS_PUBLIC_URL must be an absolute URL such as https://mcp.example.com/mcp")
        }
        guard scheme == "https" || (scheme == "http" && Self.isLoopback(host)) else {
            throw HTTPSettingsError(
                "PAYMENT_OPS_PUBLIC_URL must be https (http only on loopback); TLS is the proxy's job")
        }
        resource = text
        let shownHost = host.contains(":") ? "[\(host)]" : host
        origin = "\(scheme)://\(shownHost)" + (url.port.map { ":\($0)" } ?? "")
        path = url.path.isEmpty ? "/" : url.path
    }

    /// Where the Protected Resource Metadata is served for this endpoint (RFC 9728 §3.1: the well-known prefix
    /// before the resource's path).
    public var metadataPath: String {
        ProtectedResourceMetadata.wellKnownPath + (path == "/" ? "" : path)
    }

    /// The absolute URL of the metadata, for `WWW-Authenticate: Bearer resource_metadata="…"`.
    public var metadataURL: String { origin + metadataPath }

    /// Whether `host` is a loopback name or address, where plain http is acceptable.
    public static func isLoopback(_ host: String?) -> Bool {
        guard let host else { return false }
        let bare = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}
