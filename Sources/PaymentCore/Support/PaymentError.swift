import StripeClient

/// A tool's refusal or failure, with a message for the support agent that says what to do next.
///
/// Bad arguments and business-rule refusals are reported to the model as tool results with `isError: true`,
/// so every message is complete, plain English. Stripe failures keep the original `StripeError`, whose
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
        /// Stripe failed or refused the call; `stripeError` holds its facts.
        public static let stripe = Kind(code: .stripe)

        /// The kind's name, for logs.
        public var description: String { code.rawValue }
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// The user-facing explanation, ending with what to do next.
    public var message: String
    /// The Stripe failure behind the error, when there is one.
    public var stripeError: StripeError?

    /// Creates an error from its kind and message.
    public init(_ kind: Kind, _ message: String, stripeError: StripeError? = nil) {
        self.kind = kind
        self.message = message
        self.stripeError = stripeError
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
    static func stripe(_ error: StripeError, while action: String) -> PaymentError {
        PaymentError(.stripe, "Could not \(action): \(StripeError.explanation(of: error))", stripeError: error)
    }
}

extension StripeError {
    /// A plain-words account of the failure and what to do about it, with Stripe's request id for support.
    static func explanation(of error: StripeError) -> String {
        var text: String
        switch error.kind {
        case .notConfigured:
            return PaymentError.stripeNotConfigured.message
        case .invalidKey:
            text = "the configured Stripe key is not a secret (sk_) or restricted (rk_) key. Fix STRIPE_API_KEY."
        case .liveModeRefused:
            text = "live-mode Stripe keys and objects are refused unless PAYMENT_OPS_ALLOW_LIVE=1 is set."
        case .connection:
            text = "Stripe could not be reached (a network problem). Try again in a minute."
        case .timeout:
            text = "Stripe did not answer in time. Try again in a minute."
        case .undecodable:
            text = "Stripe's answer could not be read. Try again; if it persists, check STRIPE_API_BASE."
        case .cancelled:
            text = "the request to Stripe was cancelled."
        default:
            text = apiExplanation(of: error)
        }
        if let requestID = error.requestID {
            text += " (Stripe request \(requestID))"
        }
        return text
    }

    /// Explains an HTTP error answer from Stripe by its status, quoting Stripe's own message.
    private static func apiExplanation(of error: StripeError) -> String {
        let said = error.message.isEmpty ? "" : " Stripe said: \"\(error.message)\""
        switch error.httpStatus {
        case 401:
            return "Stripe rejected the API key. Check STRIPE_API_KEY." + said
        case 402:
            return "Stripe declined the request." + said
        case 403:
            return "the Stripe key lacks permission for this. Use a key with the needed permissions." + said
        case 404:
            return "Stripe has no such object. Check the id." + said
        case 409:
            return "Stripe is still processing an identical request. Wait a minute and check before retrying." + said
        case 429:
            return "Stripe is rate-limiting requests. Wait a minute and try again." + said
        case .some(let status) where status >= 500:
            return "Stripe had an internal error (HTTP \(status)). Try again in a few minutes." + said
        default:
            return "Stripe refused the request." + said
        }
    }
}
