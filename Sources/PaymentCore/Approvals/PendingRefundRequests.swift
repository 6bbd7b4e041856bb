public import FoundationEssentials

/// `approve_refund`'s answer without an id: the refund requests waiting for a second approval, oldest first.
public struct PendingRefundRequests: Sendable, Hashable {
    /// One request waiting for a decision.
    public struct Request: Sendable, Hashable {
        /// The id to decide it with (`rrq_…`).
        public var approvalRequestID: String
        /// The order to refund.
        public var orderID: String
        /// Its PaymentIntent.
        public var paymentIntentID: String?
        /// The customer's email address.
        public var customerEmail: String?
        /// The amount asked for, in minor units.
        public var amountCents: Int
        /// The order's currency.
        public var currency: String
        /// Stripe's reason code.
        public var reason: String
        /// The requester's note (may quote the customer).
        public var note: String?
        /// Who asked for the refund.
        public var requestedBy: String
        /// When.
        public var createdAt: Date
        /// When the request can no longer be decided.
        public var expiresAt: Date
    }

    /// The requests, oldest first.
    public var requests: [Request]
}
