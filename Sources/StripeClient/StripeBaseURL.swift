/// Where Stripe's API is reached: `https://api.stripe.com`, or a local fake over plain HTTP on loopback.
///
/// Plain HTTP would send the key in clear text, so it is accepted only to 127.0.0.1, ::1 and localhost.
public struct StripeBaseURL: Sendable, Hashable, CustomStringConvertible {
    /// `https` or (loopback only) `http`.
    public let scheme: String
    /// The host, without brackets for IPv6.
    public let host: String
    /// The port, when the URL names one.
    public let port: Int?
    /// A path prefix without a trailing slash, usually empty.
    public let pathPrefix: String

    /// Stripe's production API.
    public static let stripe = StripeBaseURL(scheme: "https", host: "api.stripe.com", port: nil, pathPrefix: "")

    private static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "localhost"]

    private init(scheme: String, host: String, port: Int?, pathPrefix: String) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.pathPrefix = pathPrefix
    }

    /// Parses and checks a base URL such as `https://api.stripe.com` or `http://127.0.0.1:12111`.
    ///
    /// - Throws: `StripeError` of kind `.invalidConfiguration` when the URL is not `https`, or `http` to a
    ///   loopback host, or carries credentials, a query or a fragment. The message never repeats the URL,
    ///   which could hold credentials.
    public init(_ text: String) throws(StripeError) {
        let invalid = StripeError(
            kind: .invalidConfiguration,
            message: "The Stripe API base must be an https URL such as https://api.stripe.com "
                + "(plain http is allowed only to 127.0.0.1, ::1 or localhost), without credentials, query or "
                + "fragment.",
            requestWasNotApplied: true)
        guard let schemeEnd = text.firstRange(of: "://") else { throw invalid }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        let rest = text[schemeEnd.upperBound...]
        guard !rest.contains(where: { "?#@ ".contains($0) }) else { throw invalid }
        let authority = rest.prefix(while: { $0 != "/" })
        var path = String(rest[authority.endIndex...])
        while path.hasSuffix("/") { path.removeLast() }

        let host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let afterHost = authority[authority.index(after: close)...]
            if !afterHost.isEmpty {
                guard afterHost.hasPrefix(":") else { throw invalid }
                portText = afterHost.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        var port: Int?
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else { throw invalid }
            port = number
        }
        let lowercasedHost = host.lowercased()
        guard !lowercasedHost.isEmpty else { throw invalid }
        switch scheme {
        case "https": break
        case "http" where Self.loopbackHosts.contains(lowercasedHost): break
        default: throw invalid
        }
        self.init(scheme: scheme, host: lowercasedHost, port: port, pathPrefix: path)
    }

    /// The full URL of an API path (`/v1/customers`) with an already-encoded query, which may be empty.
    func url(path: String, query: String) -> String {
        description + path + (query.isEmpty ? "" : "?" + query)
    }

    /// The base URL, normalised: `https://api.stripe.com`, `http://[::1]:8080`.
    public var description: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let portPart = port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(hostPart)\(portPart)\(pathPrefix)"
    }
}
