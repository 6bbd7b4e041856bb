public import FoundationEssentials

/// A customer at the processor (a Stripe Customer), or what is left of one that was deleted.
public struct ProcessorCustomer: Sendable, Hashable, Identifiable {
    /// The processor's id (`cus_…`), which the orders database links to.
    public var id: String
    /// Whether the customer was deleted at the processor; every other fact is then absent.
    public var isDeleted: Bool
    /// The processor's copy of the email address.
    public var email: String?
    /// The processor's copy of the name (customer-provided text).
    public var name: String?
    /// When the processor created the customer.
    public var createdAt: Date?
    /// Whether the customer's latest invoice is past due.
    public var delinquent: Bool?
    /// Balance in minor units of the customer's currency (negative is credit).
    public var balance: Int?
    /// Key-value pairs attached to the customer; the demo seeder tags its customers here.
    public var metadata: [String: String]

    /// Creates a customer from its facts.
    public init(
        id: String, isDeleted: Bool = false, email: String? = nil, name: String? = nil, createdAt: Date? = nil,
        delinquent: Bool? = nil, balance: Int? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.isDeleted = isDeleted
        self.email = email
        self.name = name
        self.createdAt = createdAt
        self.delinquent = delinquent
        self.balance = balance
        self.metadata = metadata
    }
}
