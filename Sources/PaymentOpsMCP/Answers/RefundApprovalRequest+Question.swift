import PaymentCore

/// The question elicitation puts in front of the human who approves a refund.
extension RefundApprovalRequest {
    /// The question to ask, with customer-provided text fenced as data.
    var message: String {
        var lines = [
            "Approve a refund of \(amount.formatted) to \(customerEmail)?",
            "Order \(orderID), PaymentIntent \(paymentIntentID), reason: \(reason.rawValue).",
        ]
        if let requestedBy {
            lines.append("\(requestedBy) asked for this refund; you give the second approval.")
        }
        var data = [("customer name", customerName)]
        if let note { data.append(("note", note)) }
        lines.append(DataFence.render(label: DataFence.customerLabel, fields: data))
        return lines.joined(separator: "\n")
    }
}
