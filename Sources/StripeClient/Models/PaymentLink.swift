/// A Stripe PaymentLink: a hosted checkout page at a shareable URL.
public struct PaymentLink: StripeObject {
    /// `plink_…`.
    public var id: String
    /// The page's address, to send to the customer.
    public var url: String
    /// Whether the link can still be used.
    public var active: Bool
    /// Key-value pairs attached to the link.
    public var metadata: [String: String]
    /// Whether the object lives in live mode.
    public var livemode: Bool

    /// Creates a PaymentLink, as the test fakes do.
    public init(id: String, url: String, active: Bool = true, metadata: [String: String] = [:], livemode: Bool = false)
    {
        self.id = id
        self.url = url
        self.active = active
        self.metadata = metadata
        self.livemode = livemode
    }
}
