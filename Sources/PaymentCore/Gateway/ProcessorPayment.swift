public import FoundationEssentials

/// A payment at the processor (a Stripe PaymentIntent): one attempt to collect one amount from a customer.
public struct ProcessorPayment: Sendable, Hashable, Identifiable {
    /// The processor's id (`pi_…`), which orders record.
    public var id: String
    /// The amount to collect, in the currency's minor units.
    public var amount: Int
    /// Lower-case ISO 4217 currency code.
    public var currency: String
    /// The processor's status: `succeeded`, `processing`, `requires_payment_method`, `canceled`, …
    public var status: String
    /// When the processor created the payment.
    public var createdAt: Date
    /// The customer at the processor (`cus_…`) the payment belongs to, if any.
    public var customerID: String?
    /// Free text attached by whoever created the payment (processor-provided text).
    public var description: String?
    /// Key-value pairs attached to the payment; the demo seeder tags its payments here.
    public var metadata: [String: String]
    /// The latest charge (`ch_…`), or `nil` when nothing was charged yet.
    public var latestChargeID: String?
    /// How much of the latest charge has been refunded, wherever the refund was made; `nil` when the processor's
    /// answer did not include the charge, so the refunded amount is unknown.
    public var amountRefunded: Int?

    /// Creates a payment from its facts.
    public init(
        id: String, amount: Int, currency: String, status: String, createdAt: Date, customerID: String? = nil,
        description: String? = nil, metadata: [String: String] = [:], latestChargeID: String? = nil,
        amountRefunded: Int? = nil
    ) {
        self.id = id
        self.amount = amount
        self.currency = currency
        self.status = status
        self.createdAt = createdAt
        self.customerID = customerID
        self.description = description
        self.metadata = metadata
        self.latestChargeID = latestChargeID
        self.amountRefunded = amountRefunded
    }
}
