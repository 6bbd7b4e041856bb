extension DemoSeeder {
    /// The metadata key on seeded Stripe customers and PaymentIntents; its value names the seed position.
    public static let metadataKey = "payment_ops_seed"

    /// The `payment_ops_seed` metadata value of a seeded PaymentIntent: `sarah@example.com#2`.
    static func seedTag(email: String, position: Int) -> String {
        "\(email)#\(position)"
    }

    /// The `Idempotency-Key` that creates the demo customer in Stripe.
    static func customerIdempotencyKey(email: String) -> String {
        "payment-ops-seed-\(email)-customer"
    }

    /// The `Idempotency-Key` that creates the demo customer's payment at `position` (1-based).
    static func paymentIdempotencyKey(email: String, position: Int) -> String {
        "payment-ops-seed-\(email)-pi-\(position)"
    }

    /// The `customers.id` of a demo customer the seeder inserts.
    public static func customerID(email: String) -> String {
        nameBasedUUID("payment-ops-seed customer \(email)")
    }

    /// The `orders.id` of a demo customer's payment at `position` (1-based).
    ///
    /// Derived from email and position, so a later run finds the order it would make and skips it: that, not
    /// Stripe's idempotency keys (forgotten after 24 hours), is what keeps a re-run a week later from charging
    /// again.
    public static func orderID(email: String, position: Int) -> String {
        nameBasedUUID("payment-ops-seed order \(email)#\(position)")
    }

    /// A UUID-shaped id (version 8, "custom") that is the same for the same name in every process and release:
    /// the 128 bits of `StableHash`, with the version and variant bits set.
    static func nameBasedUUID(_ name: String) -> String {
        let (high, low) = StableHash.pair(name)
        let versioned = (high & ~0xF000) | 0x8000  // version nibble of the third group
        let varied = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 9562 variant bits
        let hex = Array(StableHash.hexDigits(versioned) + StableHash.hexDigits(varied))
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
        return groups.joined(separator: "-")
    }
}
