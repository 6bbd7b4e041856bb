import StripeClient

/// Stripe's failures as `GatewayError`s, explained in words a support agent understands.
extension StripeGateway {
    /// The gateway's error for a Stripe failure, keeping the `StripeError` for the logs.
    static func gatewayError(_ error: StripeError) -> GatewayError {
        GatewayError(
            kind: kind(of: error), explanation: explanation(of: error),
            requestWasNotApplied: error.requestWasNotApplied, underlying: error)
    }

    /// The broad kind of a Stripe failure.
    private static func kind(of error: StripeError) -> GatewayError.Kind {
        switch error.kind {
        case .notConfigured, .invalidKey, .liveModeRefused, .invalidConfiguration, .invalidRequest:
            return .misconfigured
        case .cancelled:
            return .cancelled
        case .api:
            switch error.httpStatus {
            case 404: return .notFound
            case .some(let status) where (400..<500).contains(status) && status != 409 && status != 429:
                return .refused
            default: return .unavailable
            }
        default:
            return .unavailable
        }
    }

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
