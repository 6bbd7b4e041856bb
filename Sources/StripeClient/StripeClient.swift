import FoundationEssentials

/// Stripe's REST API over libcurl: typed objects, retries with one idempotency key, and errors that keep
/// Stripe's facts but never the key.
///
/// Calls made one after another share one kept-alive TCP/TLS connection; calls made at the same time use
/// separate connections. Blocking network work runs on threads of its own, never on Swift's cooperative pool.
public final class StripeClient: Sendable {
    /// The API version every request pins, so a change of the account's default cannot change the answers.
    public static let apiVersion = "2026-10-28.endive"

    /// The settings the client was created with.
    public let configuration: StripeConfiguration
    private let transport = CurlTransport()
    private let userAgent: String
    private let clientUserAgent: String

    /// Creates a client; no connection is made until the first call.
    public init(configuration: StripeConfiguration) {
        self.configuration = configuration
        self.userAgent = "payment-ops/\(configuration.userAgentVersion)"
        self.clientUserAgent = Self.clientUserAgentJSON(version: configuration.userAgentVersion)
    }

    /// Sends a request, retrying as `configuration.retryPolicy` allows, and decodes the answer.
    ///
    /// A POST without an idempotency key gets a generated one, the same on every attempt, so a retry never
    /// acts twice. In test mode, an answer holding a live-mode object is refused.
    ///
    /// - Throws: `StripeError`. Its `requestWasNotApplied` is true only if no attempt can have had an effect.
    public func send<Response: Decodable>(_ request: StripeRequest, as type: Response.Type = Response.self)
        async throws(StripeError) -> Response
    {
        let idempotencyKey = request.method == .post ? request.idempotencyKey ?? UUID().uuidString : nil
        if let idempotencyKey, !StripeRequest.isValidIdempotencyKey(idempotencyKey) {
            throw StripeError(
                kind: .invalidRequest, message: "An idempotency key must be 1 to 255 printable ASCII characters.",
                requestWasNotApplied: true)
        }
        let httpRequest = HTTPRequest(
            url: configuration.apiBase.url(path: request.path, query: request.query), method: request.method,
            headers: request.headerLines(
                key: configuration.key, userAgent: userAgent, clientUserAgent: clientUserAgent,
                idempotencyKey: idempotencyKey),
            body: request.body,
            connectTimeoutMilliseconds: Self.milliseconds(configuration.connectTimeout),
            totalTimeoutMilliseconds: Self.milliseconds(configuration.totalTimeout))
        let policy = configuration.retryPolicy
        // Once an attempt may have reached Stripe, no later failure can prove that nothing happened.
        var earlierAttemptMayHaveApplied = false
        var retry = 0
        while true {
            if Task.isCancelled { throw .cancelled(requestWasNotApplied: !earlierAttemptMayHaveApplied) }
            let outcome = await transport.send(httpRequest)
            guard retry < policy.maxRetries, RetryPolicy.isRetryable(outcome) else {
                do throws(StripeError) {
                    return try decode(outcome, as: type)
                } catch {
                    var error = error
                    error.requestWasNotApplied = error.requestWasNotApplied && !earlierAttemptMayHaveApplied
                    throw error
                }
            }
            earlierAttemptMayHaveApplied = earlierAttemptMayHaveApplied || Self.mayHaveApplied(outcome)
            retry += 1
            let retryAfter = (try? outcome.get()).flatMap(RetryPolicy.retryAfter)
            do {
                try await policy.sleep(policy.delay(beforeRetry: retry, retryAfter: retryAfter))
            } catch {
                throw .cancelled(requestWasNotApplied: !earlierAttemptMayHaveApplied)
            }
        }
    }

    /// The object an attempt brought back, or the error it amounts to.
    private func decode<Response: Decodable>(
        _ outcome: Result<HTTPResponse, TransportFailure>, as type: Response.Type
    ) throws(StripeError) -> Response {
        let response: HTTPResponse
        switch outcome {
        case .success(let answer): response = answer
        case .failure(let failure): throw StripeError(failure)
        }
        guard (200..<300).contains(response.status) else { throw StripeError(response) }
        let data = Data(response.body)
        let decoder = JSONDecoder()
        if configuration.key.mode == .test, (try? decoder.decode(LiveModeProbe.self, from: data))?.isLive == true {
            throw StripeError(
                kind: .liveModeRefused,
                message: "Stripe returned a live-mode object to a test-mode key; it was not used.",
                httpStatus: response.status, requestID: response.requestID, requestWasNotApplied: false)
        }
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw StripeError(undecodable: response, error)
        }
    }

    /// Whether an attempt that is about to be retried may have had an effect at Stripe.
    private static func mayHaveApplied(_ outcome: Result<HTTPResponse, TransportFailure>) -> Bool {
        switch outcome {
        case .success(let response): !StripeError.answerMeansNotApplied(status: response.status)
        case .failure(let failure): failure.requestSent
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// The `X-Stripe-Client-User-Agent` JSON that Stripe's SDKs send, describing this binding.
    private static func clientUserAgentJSON(version: String) -> String {
        let fields = ["bindings_version": version, "lang": "swift", "httplib": "libcurl", "publisher": "payment-ops"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(fields)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The `livemode` flags of an object or of a list's objects.
    private struct LiveModeProbe: Decodable {
        struct Item: Decodable { var livemode: Bool? }
        var livemode: Bool?
        var data: [Item]?

        var isLive: Bool { livemode == true || (data ?? []).contains { $0.livemode == true } }
    }
}
