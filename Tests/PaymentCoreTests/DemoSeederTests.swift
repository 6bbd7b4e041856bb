import FoundationEssentials
import OrdersStore
import PaymentCore
import Synchronization
import Testing

@Suite("Demo seeding")
struct DemoSeederTests {
    /// Each original demo customer's order amounts as `list_payments` shows them: newest first.
    static let expectedAmounts: [String: [Int]] = [
        "sarah@example.com": [4999, 4999, 2999],
        "james@example.com": [4999, 9999],
        "alice@example.com": [7999, 4999, 1999],
        "bob@example.com": [9999, 4999],
        "carol@example.com": [4999, 4999, 2999],
    ]

    /// The order amounts, newest first, of every customer in the database, by email.
    static func databaseAmounts(_ world: TestWorld) throws -> [String: [Int]] {
        try world.store.read { db in
            var amounts: [String: [Int]] = [:]
            for customer in try db.customers(after: nil, limit: 1000) {
                amounts[customer.email] = try db.orders(customerID: customer.id, limit: 10, after: nil).map(
                    \.amountCents)
            }
            return amounts
        }
    }

    /// How many writes of each kind the fake has seen.
    static func writeCounts(_ gateway: RecordingGateway) -> (customers: Int, payments: Int) {
        let writes = gateway.writes
        let customers = writes.filter { if case .createCustomer = $0 { true } else { false } }.count
        let payments = writes.filter { if case .createPaymentIntent = $0 { true } else { false } }.count
        return (customers, payments)
    }

    @Test("seeding creates the five demo customers and their thirteen payments in Stripe and in the database")
    func seedsTheOriginals() async throws {
        let world = try TestWorld()
        let summary = try await world.seeder().seed()

        #expect(summary == DemoSeedSummary(customersCreated: 5, paymentsCreated: 13))
        #expect(try Self.databaseAmounts(world) == Self.expectedAmounts)
        #expect(Self.writeCounts(world.gateway) == (5, 13))
        #expect(Set(world.gateway.allCustomers.compactMap(\.email)) == Set(Self.expectedAmounts.keys))
        #expect(world.gateway.allPaymentIntents.count == 13)

        // Every order points at a succeeded PaymentIntent of the same amount, of that customer's Stripe customer.
        let intents = Dictionary(uniqueKeysWithValues: world.gateway.allPaymentIntents.map { ($0.id, $0) })
        try await world.store.read { db in
            for customer in try db.customers(after: nil, limit: 10) {
                let stripeCustomer = try #require(world.gateway.allCustomers.first { $0.email == customer.email })
                #expect(customer.stripeCustomerID == stripeCustomer.id)
                #expect(customer.name == DemoCustomer.originals.first { $0.email == customer.email }?.name)
                for order in try db.orders(customerID: customer.id, limit: 10, after: nil) {
                    let paymentIntentID = try #require(order.paymentIntentID)
                    let intent = try #require(intents[paymentIntentID])
                    #expect(intent.amount == order.amountCents)
                    #expect(intent.customerID == stripeCustomer.id)
                    #expect(intent.status == "succeeded")
                    #expect(order.status == .paid && order.currency == "usd")
                }
            }
        }
    }

    @Test("sarah's most recent payment is the second of two 4999s, and every order is inside the refund window")
    func sarahsDoubleCharge() async throws {
        let world = try TestWorld()
        _ = try await world.seeder().seed()
        let orders = try await world.store.read { db in
            let sarah = try #require(try db.customer(email: "sarah@example.com"))
            return try db.orders(customerID: sarah.id, limit: 10, after: nil)
        }
        #expect(orders.map(\.amountCents) == [4999, 4999, 2999])
        #expect(orders[0].createdAt.timeIntervalSince(orders[1].createdAt) == 15 * 60)
        #expect(orders[0].id == DemoSeeder.orderID(email: "sarah@example.com", position: 3))
        let oldest = try world.store.read { db in
            try db.fetchOne("SELECT MIN(created_at) FROM orders") { try $0.date(0) }
        }
        #expect(try #require(oldest) == TestWorld.start.addingTimeInterval(-60 * 86_400))
    }

    @Test("seeding again, even after Stripe forgot the idempotency keys, calls Stripe no more and adds nothing")
    func secondRunIsANoOp() async throws {
        let world = try TestWorld()
        let seeder = world.seeder()
        _ = try await seeder.seed()
        let callsAfterFirstRun = world.gateway.calls.count
        world.gateway.forgetIdempotencyKeys()

        let summary = try await seeder.seed()

        #expect(summary == DemoSeedSummary(customersExisting: 5, paymentsExisting: 13))
        #expect(world.gateway.calls.count == callsAfterFirstRun)
        #expect(try Self.databaseAmounts(world) == Self.expectedAmounts)
    }

    @Test("a failure at the fourth payment stops the run; a re-run completes it without duplicates")
    func resumesAfterAFailure() async throws {
        let world = try TestWorld()
        let seeder = world.seeder()
        world.gateway.fail("createConfirmedPaymentIntent", onCall: 4, with: StripeErrors.unreachable)

        let error = await #expect(throws: PaymentError.self) { try await seeder.seed() }
        #expect(
            error?.message
                == "Could not create a demo payment in Stripe: Stripe could not be reached (a network problem). "
                + "Try again in a minute.")
        #expect(try Self.databaseAmounts(world) == ["sarah@example.com": [4999, 4999, 2999], "james@example.com": []])

        let summary = try await seeder.seed()

        #expect(
            summary
                == DemoSeedSummary(customersCreated: 3, customersExisting: 2, paymentsCreated: 10, paymentsExisting: 3))
        #expect(try Self.databaseAmounts(world) == Self.expectedAmounts)
        #expect(world.gateway.allPaymentIntents.count == 13)
        #expect(world.gateway.allCustomers.count == 5)
    }

    @Test("a payment Stripe made before the process died is found by its metadata a day later, not paid twice")
    func adoptsAPaymentWhoseAnswerWasLost() async throws {
        let world = try TestWorld()
        let seeder = world.seeder()
        world.gateway.fail(
            "createConfirmedPaymentIntent", onCall: 4, with: StripeErrors.droppedConnection, afterActing: true)
        await #expect(throws: PaymentError.self) { try await seeder.seed() }
        world.gateway.forgetIdempotencyKeys()

        let lines = Mutex<[String]>([])

        let summary = try await seeder.seed { line in lines.withLock { $0.append(line) } }

        #expect(summary.paymentsCreated == 10)
        #expect(world.gateway.allPaymentIntents.count == 13)
        #expect(Self.writeCounts(world.gateway) == (5, 13))
        #expect(lines.withLock { $0.contains("james@example.com: payment 1 of 2, $99.99: found pi_test6, recorded") })
        #expect(try Self.databaseAmounts(world) == Self.expectedAmounts)
    }

    @Test("a Stripe customer created before the process died is found by email, not created twice")
    func adoptsACustomerWhoseAnswerWasLost() async throws {
        let world = try TestWorld()
        let seeder = world.seeder()
        world.gateway.fail("createCustomer", onCall: 2, with: StripeErrors.droppedConnection, afterActing: true)
        await #expect(throws: PaymentError.self) { try await seeder.seed() }
        world.gateway.forgetIdempotencyKeys()

        let summary = try await seeder.seed()

        #expect(
            summary
                == DemoSeedSummary(customersCreated: 4, customersExisting: 1, paymentsCreated: 10, paymentsExisting: 3))
        #expect(world.gateway.allCustomers.count == 5)
        #expect(Self.writeCounts(world.gateway) == (5, 13))
    }

    @Test("a customer already in the database or in Stripe is linked and kept, not created again")
    func linksExistingCustomers() async throws {
        let world = try TestWorld()
        let sarah = try world.addCustomer("sarah@example.com", name: "Sarah T.")
        world.gateway.add(ProcessorCustomer(id: "cus_bob", email: "bob@example.com", name: "Bob Tester"))

        let summary = try await world.seeder().seed()

        #expect(summary == DemoSeedSummary(customersCreated: 4, customersExisting: 1, paymentsCreated: 13))
        let (sarahNow, bob) = try await world.store.read { db in
            (try db.customer(email: "sarah@example.com"), try db.customer(email: "bob@example.com"))
        }
        #expect(sarahNow?.id == sarah.id && sarahNow?.name == "Sarah T." && sarahNow?.stripeCustomerID != nil)
        #expect(bob?.stripeCustomerID == "cus_bob")
        #expect(Self.writeCounts(world.gateway) == (4, 13))
    }

    @Test("a customer Stripe sent but could not read stops seeding instead of being created twice")
    func unreadableCustomer() async throws {
        let world = try TestWorld()
        world.gateway.addUnreadableItems(["item 0 (cus_odd): field created is missing"], toListOf: "sarah@example.com")

        let error = await #expect(throws: PaymentError.self) { try await world.seeder().seed() }

        #expect(
            error?.message
                == "Stripe has customers with the email sarah@example.com that could not be read (item 0 (cus_odd): "
                + "field created is missing), so none was created; check them in the Stripe Dashboard, then run seed "
                + "again.")
        #expect(Self.writeCounts(world.gateway).0 == 0)
    }

    @Test("extra customers are generated the same way every time and seeded once")
    func extraCustomers() async throws {
        let world = try TestWorld()
        let seeder = world.seeder()
        let lines = Mutex<[String]>([])

        let summary = try await seeder.seed(extraCustomers: 3) { line in lines.withLock { $0.append(line) } }

        #expect(summary == DemoSeedSummary(customersCreated: 8, paymentsCreated: 19))
        let amounts = try Self.databaseAmounts(world)
        #expect(amounts["customer0001@example.com"] == [7999, 2999])
        #expect(amounts["customer0002@example.com"] == [2999, 9999, 4999])
        #expect(amounts["customer0003@example.com"] == [7999])
        #expect(
            DemoCustomer.generated(count: 3).map(\.name) == ["Demo Customer 1", "Demo Customer 2", "Demo Customer 3"])
        #expect(
            lines.withLock { $0.first }
                == "Seeding 8 customers with 19 payments in Stripe test mode and the orders database.")
        #expect(
            lines.withLock { $0.last }
                == "Seeded 8 customers (8 new, 0 already there) and 19 payments (19 new, 0 already there).")
        #expect(lines.withLock { $0.contains("sarah@example.com: payment 3 of 3, $49.99: created pi_test4, recorded") })

        let again = try await seeder.seed(extraCustomers: 3)
        #expect(again == DemoSeedSummary(customersExisting: 8, paymentsExisting: 19))
    }

    @Test("a number of extra customers out of bounds is refused before anything is written")
    func extraCustomersOutOfBounds() async throws {
        let world = try TestWorld()
        let error = await #expect(throws: PaymentError.self) {
            try await world.seeder().seed(extraCustomers: 1001)
        }
        #expect(error?.message == "The number of extra customers must be a whole number from 0 to 1000.")
        #expect(world.gateway.calls.isEmpty)
    }

    @Test("without Stripe configured, seeding is refused and the database stays empty")
    func stripeNotConfigured() async throws {
        let world = try TestWorld(stripe: false)
        let error = await #expect(throws: PaymentError.self) { try await world.seeder().seed() }
        #expect(error?.kind == .stripeNotConfigured)
        #expect(
            error?.message
                == "Stripe is not configured: set STRIPE_API_KEY (a sk_test_… or rk_test_… key) in the server's "
                + "environment or .env file and restart it. Tools that only read the orders database still work.")
        #expect(try Self.databaseAmounts(world).isEmpty)
    }

    @Test("a live-mode key is refused before Stripe or the database is touched")
    func liveModeRefused() async throws {
        let world = try TestWorld()
        world.gateway.mode = .live

        let error = await #expect(throws: PaymentError.self) { try await world.seeder().seed() }

        #expect(error?.kind == .refused)
        #expect(error?.message == "Demo data is seeded only in Stripe test mode. Use a sk_test_… or rk_test_… key.")
        #expect(world.gateway.calls.isEmpty)
        await #expect(try world.store.read { db in try db.customer(email: "sarah@example.com") } == nil)
    }

    @Test("seed ids are UUID-shaped and stable across processes and releases")
    func stableIdentifiers() {
        #expect(DemoSeeder.orderID(email: "sarah@example.com", position: 1) == "fb373cb1-6eba-8aa8-8726-473bee916ca7")
        #expect(DemoSeeder.customerID(email: "sarah@example.com") == "2c8c6757-18ba-8aa0-a581-5972c01410fd")
        #expect(
            DemoSeeder.orderID(email: "sarah@example.com", position: 1)
                != DemoSeeder.orderID(email: "sarah@example.com", position: 2))
    }
}
