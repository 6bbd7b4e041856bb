/// A payment link created at the processor: a hosted checkout page at a shareable URL.
public struct ProcessorPaymentLink: Sendable, Hashable, Identifiable {
    /// The processor's id (`plink_…`).
    public var id: String
    /// The page's address, to send to the customer.
    public var url: String

    /// Creates a link from its facts.
    public init(id: String, url: String) {
        self.id = id
        self.url = url
    }
}
