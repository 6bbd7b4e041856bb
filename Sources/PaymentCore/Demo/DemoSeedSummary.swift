/// What a seeding run did, counted in the orders database: rows it added and rows that were already there.
///
/// A customer or payment "created" may have been found in Stripe rather than made there, when an earlier run
/// stopped between the Stripe call and the database write; either way this run added its row.
public struct DemoSeedSummary: Sendable, Hashable {
    /// Customers this run added to the database.
    public var customersCreated = 0
    /// Customers the database already held.
    public var customersExisting = 0
    /// Orders this run added to the database, each with its confirmed PaymentIntent.
    public var paymentsCreated = 0
    /// Orders the database already held.
    public var paymentsExisting = 0

    /// Creates a summary from its counts.
    public init(
        customersCreated: Int = 0, customersExisting: Int = 0, paymentsCreated: Int = 0, paymentsExisting: Int = 0
    ) {
        self.customersCreated = customersCreated
        self.customersExisting = customersExisting
        self.paymentsCreated = paymentsCreated
        self.paymentsExisting = paymentsExisting
    }

    /// One line for the command line: "Seeded 5 customers (5 new, 0 already there) and 12 payments (…)."
    public var text: String {
        "Seeded \(customersCreated + customersExisting) customers (\(customersCreated) new, \(customersExisting) "
            + "already there) and \(paymentsCreated + paymentsExisting) payments (\(paymentsCreated) new, "
            + "\(paymentsExisting) already there)."
    }
}
