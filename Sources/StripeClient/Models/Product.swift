/// A Stripe Product: what a Price sells.
public struct Product: StripeObject {
    /// `prod_…`.
    public var id: String
    /// The product's name, as customers see it.
    public var name: String
    /// Whether the product can be sold.
    public var active: Bool
    /// Free text describing the product.
    public var description: String?
    /// Whether the object lives in live mode.
    public var livemode: Bool

    /// Creates a Product, as the test fakes do.
    public init(id: String, name: String, active: Bool = true, description: String? = nil, livemode: Bool = false) {
        self.id = id
        self.name = name
        self.active = active
        self.description = description
        self.livemode = livemode
    }

    /// Decodes Stripe's JSON, tolerating absent optional fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        active = try container.decodeIfPresent(Bool.self, forKey: .active) ?? true
        description = try container.decodeIfPresent(String.self, forKey: .description)
        livemode = try container.decodeIfPresent(Bool.self, forKey: .livemode) ?? false
    }

    enum CodingKeys: String, CodingKey {
        case id, name, active, description, livemode
    }
}
