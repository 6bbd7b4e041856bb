/// A failed Stripe call, keeping every fact Stripe and the transport gave — and never the API key.
///
/// Kinds are open-ended (a private code behind a struct), so new ones can be added without breaking callers.
public struct StripeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: String {
            case api, connection, timeout, undecodable, notConfigured, invalidKey, invalidConfiguration, invalidRequest
            case liveModeRefused, cancelled
        }
        private let code: Code

        /// Stripe answered with an HTTP error status.
        public static let api = Kind(code: .api)
        /// No usable answer: the connection could not be made, was reset, or closed without a reply.
        public static let connection = Kind(code: .connection)
        /// The connect or total timeout passed.
        public static let timeout = Kind(code: .timeout)
        /// Stripe (or something in front of it) answered, but not with the JSON expected.
        public static let undecodable = Kind(code: .undecodable)
        /// No API key is configured.
        public static let notConfigured = Kind(code: .notConfigured)
        /// The key is not a secret or restricted key.
        public static let invalidKey = Kind(code: .invalidKey)
        /// A setting other than the key is unusable, such as a plain-http base URL to a remote host.
        public static let invalidConfiguration = Kind(code: .invalidConfiguration)
        /// The request could not be sent as built, such as an idempotency key with a line break in it.
        public static let invalidRequest = Kind(code: .invalidRequest)
        /// A live-mode key or object was met while live mode is not allowed.
        public static let liveModeRefused = Kind(code: .liveModeRefused)
        /// The call was cancelled by its caller.
        public static let cancelled = Kind(code: .cancelled)

        /// The kind's name, such as `api` or `timeout`.
        public var description: String { code.rawValue }
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// A human-readable explanation: Stripe's own `message` for API errors.
    public var message: String
    /// The HTTP status, when Stripe answered.
    public var httpStatus: Int?
    /// Stripe's error `type`, such as `card_error` or `invalid_request_error`.
    public var type: String?
    /// Stripe's error `code`, such as `resource_missing`.
    public var code: String?
    /// The card issuer's `decline_code`, for card errors.
    public var declineCode: String?
    /// The request parameter the error is about.
    public var param: String?
    /// Stripe's `advice_code` for a declined card, such as `try_again_later` or `do_not_try_again`.
    public var adviceCode: String?
    /// The card network's own `network_decline_code`, for card errors.
    public var networkDeclineCode: String?
    /// Stripe's `Request-Id` header, which Stripe's support can look up.
    public var requestID: String?
    /// Stripe's `request_log_url`: the request's page in the Dashboard's logs.
    public var requestLogURL: String?
    /// Stripe's `doc_url`: the documentation of the error's `code`.
    public var docURL: String?
    /// libcurl's `CURLcode`, for transport failures.
    public var curlCode: Int?
    /// Whether the request certainly never reached Stripe's processing, so it had no effect.
    ///
    /// True for 4xx answers other than 409 (an idempotency conflict means another attempt may be running) and
    /// for failures before any connection was made. False whenever the outcome is unknown.
    public var requestWasNotApplied: Bool

    /// Creates an error from its facts.
    public init(
        kind: Kind, message: String, httpStatus: Int? = nil, type: String? = nil, code: String? = nil,
        declineCode: String? = nil, param: String? = nil, adviceCode: String? = nil, networkDeclineCode: String? = nil,
        requestID: String? = nil, requestLogURL: String? = nil, docURL: String? = nil, curlCode: Int? = nil,
        requestWasNotApplied: Bool
    ) {
        self.kind = kind
        self.message = message
        self.httpStatus = httpStatus
        self.type = type
        self.code = code
        self.declineCode = declineCode
        self.param = param
        self.adviceCode = adviceCode
        self.networkDeclineCode = networkDeclineCode
        self.requestID = requestID
        self.requestLogURL = requestLogURL
        self.docURL = docURL
        self.curlCode = curlCode
        self.requestWasNotApplied = requestWasNotApplied
    }

    /// Kind, status, Stripe's type and codes, curl's code, the message, then where to look further (the request
    /// id, its Dashboard log and the error's documentation), on one line — for logs and people, never the key.
    public var description: String {
        var parts = ["Stripe \(kind)"]
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        if let type { parts.append(type) }
        if let code { parts.append(code) }
        if let declineCode { parts.append("decline_code=\(declineCode)") }
        if let networkDeclineCode { parts.append("network_decline_code=\(networkDeclineCode)") }
        if let adviceCode { parts.append("advice_code=\(adviceCode)") }
        if let param { parts.append("param=\(param)") }
        if let curlCode { parts.append("curl=\(curlCode)") }
        var text = parts.joined(separator: " ") + ": " + message
        var references: [String] = []
        if let requestID { references.append("request \(requestID)") }
        if let requestLogURL { references.append("log \(requestLogURL)") }
        if let docURL { references.append("docs \(docURL)") }
        if !references.isEmpty { text += " (" + references.joined(separator: ", ") + ")" }
        // Messages built here are redacted already; this also covers errors that callers build themselves.
        return StripeKey.redact(text)
    }
}
