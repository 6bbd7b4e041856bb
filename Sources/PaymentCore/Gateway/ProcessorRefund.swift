/// A refund at the processor (a Stripe Refund) of all or part of a payment.
public struct ProcessorRefund: Sendable, Hashable, Identifiable {
    /// The processor's id (`re_…`).
    public var id: String
    /// The amount refunded, in the currency's minor units.
    public var amount: Int
    /// Lower-case ISO 4217 currency code.
    public var currency: String
    /// The processor's status: `succeeded`, `pending`, `requires_action`, `failed` or `canceled`.
    public var status: String
    /// Why the refund failed, when `status` is `failed`.
    public var failureReason: String?
    /// The refunded payment (`pi_…`).
    public var paymentIntentID: String?
    /// Key-value pairs attached to the refund; payment-ops stores its journal row id here.
    public var metadata: [String: String]

    /// Creates a refund from its facts.
    public init(
        id: String, amount: Int, currency: String, status: String, failureReason: String? = nil,
        paymentIntentID: String? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.amount = amount
        self.currency = currency
        self.status = status
        self.failureReason = failureReason
        self.paymentIntentID = paymentIntentID
        self.metadata = metadata
    }
}
