/// A Stripe PaymentIntent: one attempt to collect one amount from a customer.
public struct PaymentIntent: StripeObject {
    /// `pi_…`.
    public var id: String
    /// The amount intended to be collected, in the currency's smallest unit.
    public var amount: Int
    /// The amount actually received, in the currency's smallest unit.
    public var amountReceived: Int
    /// Lower-case ISO 4217 currency code.
    public var currency: String
    /// `requires_payment_method`, `requires_confirmation`, `requires_action`, `processing`,
    /// `requires_capture`, `canceled` or `succeeded`.
    public var status: String
    /// The customer the intent belongs to, if any: its id (`cus_…`), or the customer when the request expanded it.
    public var customer: Expandable<StripeCustomer>?
    /// Creation time, in Unix seconds.
    public var created: Int
    /// Free text attached by whoever created the intent.
    public var description: String?
    /// Key-value pairs attached to the intent.
    public var metadata: [String: String]
    /// The latest charge: its id, or the Charge when the request expanded `latest_charge`.
    public var latestCharge: Expandable<Charge>?
    /// Whether the object lives in live mode.
    public var livemode: Bool

    /// Creates a PaymentIntent, as the test fakes do.
    public init(
        id: String, amount: Int, amountReceived: Int, currency: String, status: String,
        customer: Expandable<StripeCustomer>?,
        created: Int, description: String? = nil, metadata: [String: String] = [:],
        latestCharge: Expandable<Charge>? = nil, livemode: Bool = false
    ) {
        self.id = id
        self.amount = amount
        self.amountReceived = amountReceived
        self.currency = currency
        self.status = status
        self.customer = customer
        self.created = created
        self.description = description
        self.metadata = metadata
        self.latestCharge = latestCharge
        self.livemode = livemode
    }

    /// Decodes Stripe's JSON, tolerating absent optional fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        amount = try container.decode(Int.self, forKey: .amount)
        amountReceived = try container.decodeIfPresent(Int.self, forKey: .amountReceived) ?? 0
        currency = try container.decode(String.self, forKey: .currency)
        status = try container.decode(String.self, forKey: .status)
        customer = try container.decodeIfPresent(Expandable<StripeCustomer>.self, forKey: .customer)
        created = try container.decode(Int.self, forKey: .created)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        latestCharge = try container.decodeIfPresent(Expandable<Charge>.self, forKey: .latestCharge)
        livemode = try container.decodeIfPresent(Bool.self, forKey: .livemode) ?? false
    }

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, status, customer, created, description, metadata, livemode
        case amountReceived = "amount_received"
        case latestCharge = "latest_charge"
    }
}
