import DynamicJSON
import PaymentCore

/// `create_payment_link`'s answer.
extension PaymentLinkResult: ToolAnswer {
    /// A short rendering with the URL first.
    var text: String {
        let unit = Money(amount: amountCents, currency: currency)
        let total = quantity == 1 ? "" : " each, \(Money(amount: amountCents * quantity, currency: currency)) in all"
        return "Payment link \(paymentLinkID): \(url)\n\(quantity) × \(unit)\(total) (price \(priceID)).\n"
            + DataFence.render(label: DataFence.customerLabel, fields: [("description", description)])
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("amount_cents", amountCents)
            json.member("currency", currency)
            json.member("description", description)
            json.member("payment_link_id", paymentLinkID)
            json.member("price_id", priceID)
            json.member("quantity", quantity)
            json.member("url", url)
        }
    }
}
