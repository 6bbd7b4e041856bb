/// One customer of the demo data set, with the payments the seeder makes for them, oldest first.
///
/// The five originals are the Python service's demo customers with the same amounts. Sarah's payments are
/// ordered 2999, 4999, 4999: the two 4999s, a quarter of an hour apart, are the demo's double charge and her
/// two most recent payments, so "refund the most recent payment" refunds a 4999. Every payment is at most 60
/// days old, well inside the default 90-day refund window.
public struct DemoCustomer: Sendable, Hashable {
    /// One payment of a demo customer.
    public struct Payment: Sendable, Hashable {
        /// The amount in cents (the demo is in US dollars).
        public var amountCents: Int
        /// How long before seeding the order is dated, in minutes; Stripe dates the PaymentIntent itself.
        public var minutesAgo: Int

        /// Creates a payment.
        public init(amountCents: Int, minutesAgo: Int) {
            self.amountCents = amountCents
            self.minutesAgo = minutesAgo
        }
    }

    /// The customer's email address, unique in the orders database.
    public var email: String
    /// The customer's name.
    public var name: String
    /// The payments, oldest first: position 1 is the first element.
    public var payments: [Payment]

    /// Creates a demo customer.
    public init(email: String, name: String, payments: [Payment]) {
        self.email = email
        self.name = name
        self.payments = payments
    }

    /// The original service's five demo customers.
    public static let originals: [DemoCustomer] = [
        DemoCustomer("sarah@example.com", "Sarah Test", [(2999, 21 * day), (4999, 2 * day + 15), (4999, 2 * day)]),
        DemoCustomer("james@example.com", "James Demo", [(9999, 30 * day), (4999, 6 * day)]),
        DemoCustomer("alice@example.com", "Alice Sample", [(1999, 45 * day), (4999, 20 * day), (7999, 4 * day)]),
        DemoCustomer("bob@example.com", "Bob Tester", [(4999, 12 * day), (9999, 1 * day)]),
        DemoCustomer("carol@example.com", "Carol Mock", [(2999, 60 * day), (4999, 25 * day), (4999, 8 * day)]),
    ]

    /// `count` generated customers for larger demos: `customer0001@example.com` "Demo Customer 1", and so on.
    ///
    /// Each has one to three payments of amounts drawn deterministically from the demo's prices, three days
    /// apart, so a second run generates exactly the same customers and payments.
    public static func generated(count: Int) -> [DemoCustomer] {
        let prices = [1999, 2999, 4999, 7999, 9999]
        return (0..<max(count, 0)).map { index in
            let number = index + 1
            let paymentCount = 1 + number % 3
            let payments = (0..<paymentCount).map { position in
                Payment(
                    amountCents: prices[(number + 2 * position) % prices.count],
                    minutesAgo: (paymentCount - position) * 3 * day + (number % 24) * 60)
            }
            return DemoCustomer(
                email: "customer\(zeroPadded(number, width: 4))@example.com", name: "Demo Customer \(number)",
                payments: payments)
        }
    }

    /// Minutes in a day, for the catalog.
    private static let day = 24 * 60

    /// A catalog entry from (amount, minutes ago) pairs.
    private init(_ email: String, _ name: String, _ payments: [(Int, Int)]) {
        self.init(email: email, name: name, payments: payments.map { Payment(amountCents: $0.0, minutesAgo: $0.1) })
    }

    /// `7` as `0007`; wider numbers are written in full.
    private static func zeroPadded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
