/// A Stripe API object with an `id`, which list cursors are made of.
public protocol StripeObject: Decodable, Sendable {
    /// Stripe's identifier for the object, such as `pi_…` or `cus_…`.
    var id: String { get }
}
