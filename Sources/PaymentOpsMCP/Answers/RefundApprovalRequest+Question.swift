import PaymentCore

/// The question elicitation puts in front of the human who approves a refund.
extension RefundApprovalRequest {
    /// The question to ask, with customer-provided text fenced as data.
    var message: String {
        var lines = [
            "Approve a refund of \(amount.formatted) to \(customerEmail)?",
            "Order \(orderID), PaymentIntent \(paymentIntentID), reason: \(reason.rawValue).",
        ]
        var data = [("customer name", customerName)]
        if let note { data.append(("note", note)) }
        lines.append(DataFence.render(label: DataFence.customerLabel, fields: data))
        return lines.joined(separator: "\n")
    }
}
