import DynamicJSON

/// `create_payment_link`'s answer: the link to send and the Stripe objects behind it.
public struct PaymentLinkResult: JSONWritable, Sendable, Hashable {
    /// The page's address, to send to the customer.
    public var url: String
    /// `plink_…`.
    public var paymentLinkID: String
    /// The one-off Price the link sells (`price_…`).
    public var priceID: String
    /// The unit amount, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// How many units the link sells.
    public var quantity: Int
    /// What the customer pays for (the product's name).
    public var description: String

    /// A short rendering with the URL first.
    public var text: String {
        let unit = Money(amount: amountCents, currency: currency)
        let total = quantity == 1 ? "" : " each, \(Money(amount: amountCents * quantity, currency: currency)) in all"
        return "Payment link \(paymentLinkID): \(url)\n\(quantity) × \(unit)\(total) (price \(priceID)).\n"
            + DataFence.render(label: DataFence.customerLabel, fields: [("description", description)])
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
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
