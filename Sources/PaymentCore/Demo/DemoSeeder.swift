import FoundationEssentials
import OrdersStore

/// Seeds the demo customers, each with confirmed test payments, in Stripe test mode and in the orders database.
///
/// Safe to run again, and after a crash half-way; nothing is duplicated in Stripe or in the database:
/// - The database decides what is missing. Each order's id is derived from email and position
///   (`orderID(email:position:)`), and a PaymentIntent is created only when that order is absent. Stripe forgets
///   idempotency keys after 24 hours; the database does not, so a second run a week later creates nothing.
/// - The order row is written right after its PaymentIntent is created. When the process died in between, the
///   next run finds the PaymentIntent among the customer's by its `payment_ops_seed` metadata and records it;
///   the idempotency key `payment-ops-seed-<email>-pi-<n>` covers the same gap for a retried call.
/// - The Stripe customer is the database row's `stripe_customer_id`, else a customer Stripe already has with that
///   email, else a new one created with the idempotency key `payment-ops-seed-<email>-customer`.
public struct DemoSeeder: Sendable {
    /// The most generated customers one run adds (`--customers N`).
    public static let maximumExtraCustomers = 1000
    /// Stripe's test card that always succeeds.
    public static let paymentMethod = "pm_card_visa"
    /// The demo's currency.
    public static let currency = "usd"

    /// The orders database and the clock the orders are dated by.
    public let service: PaymentService
    /// Stripe with the calls seeding needs, or `nil` when no API key is configured.
    public let gateway: (any DemoGateway)?

    /// Creates a seeder working through the service's store and this gateway (the service's own, in practice).
    public init(service: PaymentService, gateway: (any DemoGateway)?) {
        self.service = service
        self.gateway = gateway
    }

    /// Seeds the five demo customers and `extraCustomers` generated ones, reporting each step to `progress`.
    ///
    /// - Parameters:
    ///   - extraCustomers: generated customers to add (`customer0001@example.com`, …), 0 to 1000.
    ///   - progress: receives one line per customer and payment; the command line prints them to stderr.
    /// - Returns: how many customers and payments this run added and how many were already there.
    /// - Throws: `PaymentError` (Stripe not configured, a live-mode key, a Stripe failure); store errors.
    public func seed(extraCustomers: Int = 0, progress: @Sendable (String) -> Void = { _ in }) async throws
        -> DemoSeedSummary
    {
        guard (0...Self.maximumExtraCustomers).contains(extraCustomers) else {
            throw PaymentError.invalid(
                "The number of extra customers must be a whole number from 0 to \(Self.maximumExtraCustomers).")
        }
        guard let gateway else { throw PaymentError.stripeNotConfigured }
        // Seeding charges the test card; a live key would create real customers. Refused before any call.
        guard gateway.mode == .test else { throw Self.testModeOnly }
        let customers = DemoCustomer.originals + DemoCustomer.generated(count: extraCustomers)
        let paymentCount = customers.reduce(0) { $0 + $1.payments.count }
        progress(
            "Seeding \(customers.count) customers with \(paymentCount) payments in Stripe test mode and the orders "
                + "database.")
        var summary = DemoSeedSummary()
        for customer in customers {
            try await seed(customer, into: &summary, progress: progress)
        }
        progress(summary.text)
        return summary
    }

    /// The refusal of a live-mode key.
    private static let testModeOnly = PaymentError.refused(
        "Demo data is seeded only in Stripe test mode. Use a sk_test_… or rk_test_… key.")

    /// Makes sure one customer and all of their payments exist in Stripe and in the database.
    private func seed(_ demo: DemoCustomer, into summary: inout DemoSeedSummary, progress: (String) -> Void)
        async throws
    {
        let positions = demo.payments.indices.map { $0 + 1 }
        let (row, recorded) = try await service.store.read { db in
            (
                try db.customer(email: demo.email),
                try positions.filter { try db.order(id: Self.orderID(email: demo.email, position: $0)) != nil }
            )
        }
        let customer: Customer
        var isNewInStripe = false
        if let row, row.stripeCustomerID != nil {
            customer = row
            summary.customersExisting += 1
        } else {
            let found = try await stripeCustomer(for: demo)
            isNewInStripe = found.created
            customer = try await service.store.write { db in try record(found.customer, for: demo, row: row, in: db) }
            if row == nil { summary.customersCreated += 1 } else { summary.customersExisting += 1 }
            progress("\(demo.email): \(found.created ? "created" : "found") Stripe customer \(found.customer.id)")
        }
        summary.paymentsExisting += recorded.count
        if !recorded.isEmpty {
            progress("\(demo.email): \(recorded.count) of \(positions.count) payments already in the database")
        }
        let missing = positions.filter { !recorded.contains($0) }
        guard let stripeCustomerID = customer.stripeCustomerID, !missing.isEmpty else { return }
        // A customer created just now has no PaymentIntents to find.
        let earlier = isNewInStripe ? [:] : try await seededPaymentIntents(customerID: stripeCustomerID)
        for position in missing {
            let found = earlier[Self.seedTag(email: demo.email, position: position)]
            let intent: ProcessorPayment
            if let found {
                intent = found
            } else {
                intent = try await createPaymentIntent(for: demo, position: position, customerID: stripeCustomerID)
            }
            let added = try await service.store.write { db in
                try recordOrder(intent, for: demo, position: position, customerID: customer.id, in: db)
            }
            if added { summary.paymentsCreated += 1 } else { summary.paymentsExisting += 1 }
            progress(
                "\(demo.email): payment \(position) of \(positions.count), "
                    + "\(Money(amount: intent.amount, currency: intent.currency)): "
                    + "\(found == nil ? "created" : "found") \(intent.id), "
                    + "\(added ? "recorded" : "already recorded")")
        }
    }

    /// The demo customer's Stripe customer: one Stripe already has with that email, else a new one.
    private func stripeCustomer(for demo: DemoCustomer) async throws -> (customer: ProcessorCustomer, created: Bool) {
        let list = try await callStripe("look up the demo customer in Stripe") {
            try await $0.customers(email: demo.email, limit: 10)
        }
        let usable = list.items.filter { !$0.isDeleted }
        if let existing = usable.first(where: { $0.metadata[Self.metadataKey] == demo.email }) ?? usable.first {
            return (existing, false)
        }
        // One Stripe could not read may be this demo customer: creating another would make a duplicate.
        guard list.unreadable.isEmpty else {
            throw PaymentError(
                .stripe,
                "Stripe has customers with the email \(demo.email) that could not be read ("
                    + list.unreadable.joined(separator: "; ") + "), so none was created; check them in the Stripe "
                    + "Dashboard, then run seed again.")
        }
        let created = try await callStripe("create the demo customer in Stripe") {
            try await $0.createCustomer(
                email: demo.email, name: demo.name, metadata: [Self.metadataKey: demo.email],
                idempotencyKey: Self.customerIdempotencyKey(email: demo.email))
        }
        return (created, true)
    }

    /// Inserts the customer row, or links an existing row to the Stripe customer; returns the row as stored.
    private func record(
        _ stripeCustomer: ProcessorCustomer, for demo: DemoCustomer, row: Customer?, in db: any OrdersTransaction
    )
        throws -> Customer
    {
        if var row {
            try db.setStripeCustomerID(stripeCustomer.id, customerID: row.id)
            row.stripeCustomerID = stripeCustomer.id
            return row
        }
        let customer = Customer(
            id: Self.customerID(email: demo.email), email: demo.email, name: demo.name,
            stripeCustomerID: stripeCustomer.id, createdAt: service.policy.now())
        try db.insertCustomer(customer)
        return customer
    }

    /// The customer's PaymentIntents that an earlier run created, by their `payment_ops_seed` tag, every page.
    private func seededPaymentIntents(customerID: String) async throws -> [String: ProcessorPayment] {
        var found: [String: ProcessorPayment] = [:]
        var cursor: String?
        repeat {
            let page = try await callStripe("list the demo customer's payments") {
                try await $0.paymentIntents(customerID: customerID, limit: 100, startingAfter: cursor)
            }
            for intent in page.items {
                if let tag = intent.metadata[Self.metadataKey], found[tag] == nil { found[tag] = intent }
            }
            cursor = page.nextCursor
        } while cursor != nil
        return found
    }

    /// Creates and confirms the payment at `position` with the test card.
    private func createPaymentIntent(for demo: DemoCustomer, position: Int, customerID: String) async throws
        -> ProcessorPayment
    {
        let payment = demo.payments[position - 1]
        return try await callStripe("create a demo payment in Stripe") {
            try await $0.createConfirmedPaymentIntent(
                customerID: customerID, amount: payment.amountCents, currency: Self.currency,
                paymentMethod: Self.paymentMethod, description: "payment-ops demo order \(position)",
                metadata: [Self.metadataKey: Self.seedTag(email: demo.email, position: position)],
                idempotencyKey: Self.paymentIdempotencyKey(email: demo.email, position: position))
        }
    }

    /// Writes the order of a succeeded PaymentIntent; `false` when the database already records that PaymentIntent.
    ///
    /// - Throws: `PaymentError` when Stripe did not complete the payment, which then must not be recorded as paid.
    private func recordOrder(
        _ intent: ProcessorPayment, for demo: DemoCustomer, position: Int, customerID: String,
        in db: any OrdersTransaction
    ) throws -> Bool {
        guard intent.status == "succeeded" else {
            throw PaymentError(
                .stripe,
                "Stripe did not complete the demo payment \(intent.id) (its status is \(intent.status)). Seed with a "
                    + "Stripe test-mode key, where the test card \(Self.paymentMethod) always succeeds.")
        }
        guard try db.order(paymentIntentID: intent.id) == nil else { return false }
        let minutesAgo = demo.payments[position - 1].minutesAgo
        try db.insertOrder(
            Order(
                id: Self.orderID(email: demo.email, position: position), customerID: customerID,
                paymentIntentID: intent.id, amountCents: intent.amount, currency: intent.currency, status: .paid,
                createdAt: service.policy.now().subtracting(.seconds(minutesAgo * 60))))
        return true
    }

    /// Runs a call of the demo gateway, translating its failure into a `PaymentError`, as the service's calls do.
    ///
    /// - Parameter action: the attempt as a phrase completing "Could not …", such as "create the demo customer".
    private func callStripe<T>(_ action: String, _ body: (any DemoGateway) async throws -> T) async throws -> T {
        try await PaymentService.call(gateway, action, body)
    }
}
