/// A Stripe Customer, or what is left of one after it was deleted (`{"id": …, "deleted": true}`).
public struct StripeCustomer: StripeObject, Hashable {
    /// `cus_…`.
    public var id: String
    /// Whether the customer was deleted in Stripe; every other field is then absent.
    public var deleted: Bool
    /// The customer's email address.
    public var email: String?
    /// The customer's full name.
    public var name: String?
    /// Creation time, in Unix seconds.
    public var created: Int?
    /// Whether the customer's latest invoice is past due.
    public var delinquent: Bool?
    /// Balance in the smallest unit of the customer's currency (negative is credit).
    public var balance: Int?
    /// Whether the object lives in live mode.
    public var livemode: Bool?
    /// Key-value pairs attached to the customer.
    public var metadata: [String: String]

    /// Creates a customer, as the test fakes do.
    public init(
        id: String, deleted: Bool = false, email: String? = nil, name: String? = nil, created: Int? = nil,
        delinquent: Bool? = nil, balance: Int? = nil, livemode: Bool? = false, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.deleted = deleted
        self.email = email
        self.name = name
        self.created = created
        self.delinquent = delinquent
        self.balance = balance
        self.livemode = livemode
        self.metadata = metadata
    }

    /// Decodes Stripe's JSON, tolerating absent optional fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        deleted = try container.decodeIfPresent(Bool.self, forKey: .deleted) ?? false
        email = try container.decodeIfPresent(String.self, forKey: .email)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        created = try container.decodeIfPresent(Int.self, forKey: .created)
        delinquent = try container.decodeIfPresent(Bool.self, forKey: .delinquent)
        balance = try container.decodeIfPresent(Int.self, forKey: .balance)
        livemode = try container.decodeIfPresent(Bool.self, forKey: .livemode)
        metadata = try container.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
    }

    enum CodingKeys: String, CodingKey {
        case id, deleted, email, name, created, delinquent, balance, livemode, metadata
    }
}
