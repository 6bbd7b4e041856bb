import DynamicJSON
import PaymentCore

/// `approve_refund`'s answer: the requests waiting for a second approval, or what became of one of them.
///
/// One output schema describes both: every key is always present, `requests` is `null` in a decision and the
/// refund's keys are `null` in a list.
enum SecondApprovalAnswer: ToolAnswer {
    /// Without an id: the pending requests.
    case requests(PendingRefundRequests)
    /// With an id: `issue_refund`'s answer about the request's refund, or its rejection.
    case decision(RefundResult)

    /// The keys `RefundResult.writeMembers(to:)` writes, each written `null` in a list.
    static let refundKeys: [StaticString] = [
        "amount_cents", "approval_request_id", "approved_via", "confirmation_token", "currency", "customer_email",
        "expires_at", "failure_reason", "note", "order_age_days", "order_id", "order_status", "payment_intent_id",
        "reason", "refund_log_id", "refundable_cents", "status", "stripe_refund_id", "stripe_refund_status",
    ]

    /// The list, or the decision's rendering.
    var text: String {
        switch self {
        case .requests(let list): list.text
        case .decision(let result): result.text
        }
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            switch self {
            case .requests(let list):
                for key in Self.refundKeys { json.member(key, nil as String?) }
                json.member("approved_by", nil as String?)
                json.member("requested_by", nil as String?)
                json.member("requests", list.requests)
            case .decision(let result):
                result.writeMembers(to: &json)
                json.member("approved_by", result.approvedBy)
                json.member("requested_by", result.requestedBy)
                json.member("requests", nil as String?)
            }
        }
    }
}

extension PendingRefundRequests {
    /// One line per request, what to do with them, and the customer-provided text fenced.
    var text: String {
        guard !requests.isEmpty else {
            return "No refund request waits for a second approval."
        }
        var lines = [
            "\(requests.count) refund request(s) wait for a second approval, oldest first. Approve one with "
                + "approve_refund (approval_request_id, decision: approve) unless you asked for it yourself, or reject "
                + "it with decision: reject."
        ]
        var data: [(String, String)] = []
        for request in requests {
            lines.append(
                "- \(request.approvalRequestID): \(Money(amount: request.amountCents, currency: request.currency)) "
                    + "of order \(request.orderID) (PaymentIntent \(request.paymentIntentID ?? "none")), reason "
                    + "\(request.reason), asked by \(request.requestedBy) at \(Timestamps.iso8601(request.createdAt)), "
                    + "expires \(Timestamps.iso8601(request.expiresAt)).")
            if let email = request.customerEmail { data.append(("\(request.approvalRequestID) customer email", email)) }
            if let note = request.note { data.append(("\(request.approvalRequestID) note", note)) }
        }
        if !data.isEmpty { lines.append(DataFence.render(label: DataFence.customerLabel, fields: data)) }
        return lines.joined(separator: "\n")
    }
}

extension PendingRefundRequests.Request: AnswerJSON {
    /// Writes the request with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("amount_cents", amountCents)
            json.member("approval_request_id", approvalRequestID)
            json.member("created_at", createdAt)
            json.member("currency", currency)
            json.member("customer_email", customerEmail)
            json.member("expires_at", expiresAt)
            json.member("note", note)
            json.member("order_id", orderID)
            json.member("payment_intent_id", paymentIntentID)
            json.member("reason", reason)
            json.member("requested_by", requestedBy)
        }
    }
}
