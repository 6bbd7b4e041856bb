/// A failed call to the payment processor, in the words PaymentCore needs: whether it certainly had no effect,
/// and what to tell the support agent. The processor's own error stays reachable for the logs.
///
/// Kinds are open-ended (a private code behind a struct), so new ones can be added without breaking callers.
public struct GatewayError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: String {
            case notFound, refused, unavailable, misconfigured, cancelled
        }
        private let code: Code

        /// The processor has no such object.
        public static let notFound = Kind(code: .notFound)
        /// The processor answered and refused the request (a decline, a missing permission, a bad argument).
        public static let refused = Kind(code: .refused)
        /// No usable answer: the processor could not be reached, timed out, failed, or answered unreadably.
        public static let unavailable = Kind(code: .unavailable)
        /// The key or another setting makes the call impossible.
        public static let misconfigured = Kind(code: .misconfigured)
        /// The call was cancelled by its caller.
        public static let cancelled = Kind(code: .cancelled)

        /// The kind's name, for logs.
        public var description: String { code.rawValue }
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// A plain-words account of the failure and what to do about it, for the support agent and the journal.
    public var explanation: String
    /// Whether the request certainly had no effect at the processor; false whenever the outcome is unknown.
    public var requestWasNotApplied: Bool
    /// The processor client's own error, with every fact it kept (status, codes, request id), for the logs.
    public var underlying: (any Error & Sendable)?

    /// Creates an error from its facts.
    public init(
        kind: Kind, explanation: String, requestWasNotApplied: Bool, underlying: (any Error & Sendable)? = nil
    ) {
        self.kind = kind
        self.explanation = explanation
        self.requestWasNotApplied = requestWasNotApplied
        self.underlying = underlying
    }

    /// The underlying error's own account when there is one (it never holds a key), else the explanation.
    public var description: String {
        underlying.map { "\($0)" } ?? explanation
    }
}
