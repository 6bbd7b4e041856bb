/// A tool's refusal or failure, with a message for the support agent that says what to do next.
///
/// Bad arguments and business-rule refusals are reported to the model as tool results with `isError: true`,
/// so every message is complete, plain English. Stripe failures keep the `GatewayError`, whose underlying
/// facts (HTTP status, codes, request id) belong in the logs rather than in front of the agent.
public struct PaymentError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is, broadly.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: String {
            case invalidArgument, notFound, refused, stripeNotConfigured, stripe
        }
        private let code: Code

        /// An argument is missing, malformed or out of bounds.
        public static let invalidArgument = Kind(code: .invalidArgument)
        /// The customer, order or payment named does not exist.
        public static let notFound = Kind(code: .notFound)
        /// A business rule forbids the request (refund window, ownership, token already used, …).
        public static let refused = Kind(code: .refused)
        /// The operation needs Stripe and no API key is configured.
        public static let stripeNotConfigured = Kind(code: .stripeNotConfigured)
        /// Stripe failed or refused the call; `gatewayError` holds its facts.
        public static let stripe = Kind(code: .stripe)

        /// The kind's name, for logs.
        public var description: String { code.rawValue }
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// The user-facing explanation, ending with what to do next.
    public var message: String
    /// The Stripe failure behind the error, when there is one.
    public var gatewayError: GatewayError?

    /// Creates an error from its kind and message.
    public init(_ kind: Kind, _ message: String, gatewayError: GatewayError? = nil) {
        self.kind = kind
        self.message = message
        self.gatewayError = gatewayError
    }

    /// The user-facing message.
    public var description: String { message }

    /// An argument failed validation.
    static func invalid(_ message: String) -> PaymentError { PaymentError(.invalidArgument, message) }

    /// A business rule refused the request.
    static func refused(_ message: String) -> PaymentError { PaymentError(.refused, message) }

    /// Something named does not exist.
    static func notFound(_ message: String) -> PaymentError { PaymentError(.notFound, message) }

    /// The answer of every Stripe-backed operation when no gateway is configured.
    static let stripeNotConfigured = PaymentError(
        .stripeNotConfigured,
        "Stripe is not configured: set STRIPE_API_KEY (a sk_test_… or rk_test_… key) in the server's environment or "
            + ".env file and restart it. Tools that only read the orders database still work."
    )

    /// Translates a Stripe failure into words a support agent understands, keeping its facts.
    ///
    /// - Parameter action: what was being attempted, as a phrase: "look up the Stripe customer".
    static func stripe(_ error: GatewayError, while action: String) -> PaymentError {
        PaymentError(.stripe, "Could not \(action): \(error.explanation)", gatewayError: error)
    }
}
