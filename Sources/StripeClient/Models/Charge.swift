/// A Stripe Charge: the movement of money behind a PaymentIntent.
public struct Charge: StripeObject {
    /// `ch_…`.
    public var id: String
    /// The amount charged, in the currency's smallest unit.
    public var amount: Int
    /// The amount captured, in the currency's smallest unit.
    public var amountCaptured: Int
    /// The amount refunded so far, in the currency's smallest unit — including refunds made outside this server.
    public var amountRefunded: Int
    /// Whether the charge has been refunded in full.
    public var refunded: Bool
    /// `succeeded`, `pending` or `failed`.
    public var status: String
    /// Lower-case ISO 4217 currency code.
    public var currency: String
    /// The PaymentIntent the charge belongs to: its id, or the PaymentIntent when the request expanded it.
    public var paymentIntent: Expandable<PaymentIntent>?
    /// Whether the object lives in live mode.
    public var livemode: Bool

    /// Creates a Charge, as the test fakes do.
    public init(
        id: String, amount: Int, amountCaptured: Int, amountRefunded: Int, refunded: Bool, status: String,
        currency: String, paymentIntent: Expandable<PaymentIntent>?, livemode: Bool = false
    ) {
        self.id = id
        self.amount = amount
        self.amountCaptured = amountCaptured
        self.amountRefunded = amountRefunded
        self.refunded = refunded
        self.status = status
        self.currency = currency
        self.paymentIntent = paymentIntent
        self.livemode = livemode
    }

    enum CodingKeys: String, CodingKey {
        case id, amount, refunded, status, currency, livemode
        case amountCaptured = "amount_captured"
        case amountRefunded = "amount_refunded"
        case paymentIntent = "payment_intent"
    }
}
