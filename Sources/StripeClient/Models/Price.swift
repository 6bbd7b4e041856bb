/// A Stripe Price: an amount and currency for a product, which payment links sell.
public struct Price: StripeObject {
    /// `price_…`.
    public var id: String
    /// The amount, in the currency's smallest unit.
    public var unitAmount: Int?
    /// Lower-case ISO 4217 currency code.
    public var currency: String
    /// The product: its id (`prod_…`), or the Product when the request expanded it.
    public var product: Expandable<Product>
    /// Whether the object lives in live mode.
    public var livemode: Bool

    /// Creates a Price, as the test fakes do.
    public init(id: String, unitAmount: Int?, currency: String, product: Expandable<Product>, livemode: Bool = false) {
        self.id = id
        self.unitAmount = unitAmount
        self.currency = currency
        self.product = product
        self.livemode = livemode
    }

    enum CodingKeys: String, CodingKey {
        case id, currency, product, livemode
        case unitAmount = "unit_amount"
    }
}
