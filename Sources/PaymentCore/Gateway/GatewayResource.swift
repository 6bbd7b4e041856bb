/// The kinds of objects at the processor that PaymentCore reads, for checking a key's permissions.
public enum GatewayResource: String, Sendable, Hashable, CaseIterable {
    /// Customers (lookup_customer, and the doctor's reachability check).
    case customers
    /// PaymentIntents (list_payments, issue_refund).
    case paymentIntents
    /// Charges, which carry what was refunded (list_payments, issue_refund).
    case charges
    /// Refunds (reconciliation).
    case refunds
    /// Prices (create_payment_link).
    case prices
    /// Payment links (create_payment_link).
    case paymentLinks
}
