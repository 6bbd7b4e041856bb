/// A Stripe Refund of all or part of a charge.
public struct Refund: StripeObject {
    /// `re_…`.
    public var id: String
    /// The amount refunded, in the currency's smallest unit.
    public var amount: Int
    /// Lower-case ISO 4217 currency code.
    public var currency: String
    /// `pending`, `requires_action`, `succeeded`, `failed` or `canceled`.
    public var status: String
    /// Stripe's reason enum, or `nil` (Stripe also reports `expired_uncaptured_charge` here).
    public var reason: String?
    /// Why a refund failed, when `status` is `failed`.
    public var failureReason: String?
    /// The refunded PaymentIntent: its id, or the PaymentIntent when the request expanded it.
    public var paymentIntent: Expandable<PaymentIntent>?
    /// The refunded charge: its id, or the Charge when the request expanded it.
    public var charge: Expandable<Charge>?
    /// Key-value pairs attached to the refund; payment-ops stores its journal row id here.
    public var metadata: [String: String]
    /// Creation time, in Unix seconds.
    public var created: Int

    /// Creates a Refund, as the test fakes do.
    public init(
        id: String, amount: Int, currency: String, status: String, reason: String? = nil,
        failureReason: String? = nil, paymentIntent: Expandable<PaymentIntent>?, charge: Expandable<Charge>? = nil,
        metadata: [String: String] = [:], created: Int
    ) {
        self.id = id
        self.amount = amount
        self.currency = currency
        self.status = status
        self.reason = reason
        self.failureReason = failureReason
        self.paymentIntent = paymentIntent
        self.charge = charge
        self.metadata = metadata
        self.created = created
    }

    /// Decodes Stripe's JSON, tolerating absent optional fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        amount = try container.decode(Int.self, forKey: .amount)
        currency = try container.decode(String.self, forKey: .currency)
        status = try container.decodeIfPresent(String.self, forKey: .status) ?? "pending"
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        failureReason = try container.decodeIfPresent(String.self, forKey: .failureReason)
        paymentIntent = try container.decodeIfPresent(Expandable<PaymentIntent>.self, forKey: .paymentIntent)
        charge = try container.decodeIfPresent(Expandable<Charge>.self, forKey: .charge)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        created = try container.decode(Int.self, forKey: .created)
    }

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, status, reason, charge, metadata, created
        case failureReason = "failure_reason"
        case paymentIntent = "payment_intent"
    }
}
