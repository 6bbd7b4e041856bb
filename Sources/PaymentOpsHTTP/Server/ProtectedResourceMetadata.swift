import DynamicJSON

/// The Protected Resource Metadata document (RFC 9728) that tells a client which authorization server to use and
/// which scopes exist.
enum ProtectedResourceMetadata {
    /// Where RFC 9728 puts the document.
    static let wellKnownPath = "/.well-known/oauth-protected-resource"

    /// The document for this server.
    static func document(_ settings: HTTPSettings) -> JSONValue {
        [
            "resource": .string(settings.publicURL.resource),
            "authorization_servers": [.string(settings.issuer)],
            "scopes_supported": .array(OAuthScope.allCases.map { .string($0.rawValue) }),
            "bearer_methods_supported": ["header"],
            "resource_name": "payment-ops",
        ]
    }
}
