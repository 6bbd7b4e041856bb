import CCurl
import FoundationEssentials

/// Building `StripeError`s from what the transport saw, keeping Stripe's facts and dropping anything secret.
extension StripeError {
    /// The caller cancelled the call.
    static func cancelled(requestWasNotApplied: Bool) -> StripeError {
        StripeError(
            kind: .cancelled, message: "The Stripe call was cancelled.", requestWasNotApplied: requestWasNotApplied)
    }

    /// No HTTP answer: a connection failure, a timeout or a cancellation.
    init(_ failure: TransportFailure) {
        let code = Int(failure.code.rawValue)
        if failure.isCancelled {
            self = .cancelled(requestWasNotApplied: !failure.requestSent)
        } else if failure.isTimeout {
            self.init(
                kind: .timeout, message: "Stripe did not answer in time: \(failure.curlMessage).", curlCode: code,
                requestWasNotApplied: !failure.requestSent)
        } else {
            self.init(
                kind: .connection, message: "Could not reach Stripe: \(failure.curlMessage).", curlCode: code,
                requestWasNotApplied: !failure.requestSent)
        }
    }

    /// An HTTP error answer, decoded from Stripe's `{"error": {…}}` when it is one.
    init(_ response: HTTPResponse) {
        let notApplied = Self.answerMeansNotApplied(status: response.status)
        guard let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body)) else {
            self.init(
                kind: .undecodable,
                message: "Stripe answered HTTP \(response.status) with a body that is not Stripe's error JSON.",
                httpStatus: response.status, requestID: response.requestID, requestWasNotApplied: notApplied)
            return
        }
        let detail = body.error
        self.init(
            kind: .api,
            message: detail.message.map(StripeKey.redact)
                ?? "Stripe answered HTTP \(response.status) without a message.",
            httpStatus: response.status, type: detail.type, code: detail.code, declineCode: detail.declineCode,
            param: detail.param, adviceCode: detail.adviceCode, networkDeclineCode: detail.networkDeclineCode,
            requestID: response.requestID, requestLogURL: detail.requestLogURL.map(StripeKey.redact),
            docURL: detail.docURL.map(StripeKey.redact), requestWasNotApplied: notApplied)
    }

    /// A success answer whose body is not the object expected.
    init(undecodable response: HTTPResponse, _ error: any Error) {
        let reason = (error as? DecodingError).map { Self.describe($0) } ?? "the body is not JSON"
        self.init(
            kind: .undecodable, message: "Stripe's answer (HTTP \(response.status)) could not be decoded: \(reason).",
            httpStatus: response.status, requestID: response.requestID, requestWasNotApplied: false)
    }

    /// Whether an answer with this status means Stripe did not act: a 4xx other than 409, which reports an
    /// idempotency conflict with an attempt that may still be running.
    static func answerMeansNotApplied(status: Int) -> Bool {
        (400..<500).contains(status) && status != 409
    }

    /// Where and how decoding failed, naming fields but never repeating their values. Paths start below `base`
    /// (the coding path of the value being decoded, which `whole` names, such as `the item`).
    static func describe(_ error: any Error, below base: [any CodingKey] = [], whole: String = "the body") -> String {
        guard let error = error as? DecodingError else { return "\(whole) has an unexpected shape" }
        func subject(_ codingPath: [any CodingKey]) -> String {
            let relative = codingPath.dropFirst(base.count)
            return relative.isEmpty ? whole : "field " + path(relative)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(subject(context.codingPath + [key])) is missing"
        case .valueNotFound(_, let context):
            return "\(subject(context.codingPath)) is null"
        case .typeMismatch(_, let context):
            return "\(subject(context.codingPath)) has an unexpected type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty && base.isEmpty
                ? "the body is not JSON" : "\(subject(context.codingPath)) is malformed"
        @unknown default:
            return "\(whole) has an unexpected shape"
        }
    }

    private static func path(_ codingPath: ArraySlice<any CodingKey>) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// Stripe's error envelope.
    private struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var type: String?
            var code: String?
            var declineCode: String?
            var param: String?
            var message: String?
            var adviceCode: String?
            var networkDeclineCode: String?
            var requestLogURL: String?
            var docURL: String?

            enum CodingKeys: String, CodingKey {
                case type, code, param, message
                case declineCode = "decline_code"
                case adviceCode = "advice_code"
                case networkDeclineCode = "network_decline_code"
                case requestLogURL = "request_log_url"
                case docURL = "doc_url"
            }
        }
        var error: Detail
    }
}
