/// `create_payment_link`'s answer: the link to send and the Stripe objects behind it.
public struct PaymentLinkResult: Sendable, Hashable {
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
}
