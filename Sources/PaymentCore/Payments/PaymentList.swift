import OrdersStore

/// `list_payments`'s answer: one page of a customer's PaymentIntents, newest first, joined to internal orders.
public struct PaymentList: Sendable, Hashable {
    /// Whose payments these are.
    public var customer: Owner
    /// The page of payments.
    public var payments: [PaymentSummary]
    /// Whether more payments follow this page.
    public var hasMore: Bool
    /// The `starting_after` value for the next page, or `nil` on the last page.
    public var nextCursor: String? = nil
    /// Payments Stripe sent on this page that could not be read, described without their values; they are not in
    /// `payments`.
    public var unreadable: [String] = []

    /// The customer a payment list belongs to.
    public struct Owner: Sendable, Hashable {
        /// The internal email address, or `nil` when no internal customer has this Stripe id.
        public var email: String? = nil
        /// The Stripe customer id.
        public var stripeCustomerID: String
    }
}

/// One PaymentIntent as support sees it.
public struct PaymentSummary: Sendable, Hashable {
    /// `pi_…`.
    public var paymentIntentID: String
    /// The amount, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// Stripe's status: `succeeded`, `processing`, `requires_payment_method`, …
    public var status: String
    /// When Stripe created it, UTC ISO-8601.
    public var createdAt: String
    /// The latest charge (`ch_…`), if any.
    public var chargeID: String? = nil
    /// How much of the latest charge has been refunded, wherever the refund was made.
    public var amountRefundedCents: Int
    /// Stripe's description (free text).
    public var description: String? = nil
    /// The internal order recording this payment, if any.
    public var orderID: String? = nil

    init(_ intent: ProcessorPayment, orderID: String?) {
        paymentIntentID = intent.id
        amountCents = intent.amount
        currency = intent.currency
        status = intent.status
        createdAt = Timestamps.iso8601(intent.createdAt)
        chargeID = intent.latestChargeID
        amountRefundedCents = intent.amountRefunded ?? 0
        description = intent.description
        self.orderID = orderID
    }
}
