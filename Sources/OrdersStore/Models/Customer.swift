public import FoundationEssentials

/// A row of `customers`: the company's own record of a customer.
public struct Customer: Sendable, Hashable {
    /// The primary key, a UUID string made by whoever created the customer.
    public var id: String
    /// The email, unique exactly as stored; lookups ignore letter case and surrounding spaces.
    public var email: String
    /// The customer's name.
    public var name: String
    /// The linked Stripe customer (`cus_…`), if any.
    public var stripeCustomerID: String?
    /// When the record was created; nil in legacy rows that never had it.
    public var createdAt: Date?

    /// Creates a customer record.
    public init(id: String, email: String, name: String, stripeCustomerID: String? = nil, createdAt: Date?) {
        self.id = id
        self.email = email
        self.name = name
        self.stripeCustomerID = stripeCustomerID
        self.createdAt = createdAt
    }
}
