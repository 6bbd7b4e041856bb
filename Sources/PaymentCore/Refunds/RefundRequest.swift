/// The arguments of `issue_refund`.
public struct RefundRequest: Sendable, Hashable {
    /// The customer's email; the order must belong to this customer.
    public var email: String
    /// The PaymentIntent to refund (`pi_…`; the tool's `charge_id` alias lands here). Default: the customer's
    /// most recent paid order, or the token's order when confirming.
    public var paymentIntentID: String?
    /// The amount in minor units. Default: everything that remains refundable, or the token's amount.
    public var amountCents: Int?
    /// Stripe's reason. Default: `requested_by_customer`, or the token's reason.
    public var reason: RefundReason?
    /// Free text for the journal (never sent to Stripe).
    public var note: String?
    /// Whether the caller asks for the refund to be made rather than previewed.
    public var confirmed: Bool
    /// The token of a preview of this same refund.
    public var confirmationToken: String?

    /// Creates a request; only the email is required, and the default is a preview.
    public init(
        email: String, paymentIntentID: String? = nil, amountCents: Int? = nil, reason: RefundReason? = nil,
        note: String? = nil, confirmed: Bool = false, confirmationToken: String? = nil
    ) {
        self.email = email
        self.paymentIntentID = paymentIntentID
        self.amountCents = amountCents
        self.reason = reason
        self.note = note
        self.confirmed = confirmed
        self.confirmationToken = confirmationToken
    }
}
