import DynamicJSON
import FoundationEssentials
import StripeClient
import StripeFake
import Testing

@testable import PaymentCore

/// The loopback Stripe fake and the production gateway pointed at it, without retries.
struct StripeGatewayHarness {
    static let key = "sk_test_51GatewaySecretKeyValue0000abcd"

    let fake: StripeFake
    let gateway: StripeGateway

    init(apiBase: String? = nil) throws {
        fake = try StripeFake.start()
        gateway = StripeGateway(
            client: StripeClient(
                configuration: try StripeConfiguration(
                    apiKey: Self.key, apiBase: apiBase ?? fake.baseURL, maxRetries: 0, userAgentVersion: "test")))
    }

    /// The only request the fake received.
    var onlyRequest: FakeRequest? {
        let requests = fake.requests
        return requests.count == 1 ? requests[0] : nil
    }
}

@Suite("StripeGateway maps Stripe's answers and errors to PaymentCore's types")
struct StripeGatewayTests {
    @Test("a customer keeps the facts support needs, its creation time as a date")
    func customer() async throws {
        let harness = try StripeGatewayHarness()
        let id = harness.fake.addCustomer(email: "ada@example.com", name: "Ada", metadata: ["tier": "gold"])

        let customer = try await harness.gateway.customer(id: id)

        #expect(customer.id == id)
        #expect(!customer.isDeleted)
        #expect(customer.email == "ada@example.com")
        #expect(customer.name == "Ada")
        #expect(customer.balance == 0)
        #expect(customer.delinquent == false)
        #expect(customer.metadata == ["tier": "gold"])
        let created = try #require(harness.fake.object(id: id)?["created"]?.intValue)
        #expect(customer.createdAt == Date(timeIntervalSince1970: Double(created)))
        #expect(harness.onlyRequest?.path == "/v1/customers/\(id)")
    }

    @Test("a deleted customer is marked deleted, with nothing else")
    func deletedCustomer() async throws {
        let harness = try StripeGatewayHarness()
        let id = harness.fake.addCustomer(email: "gone@example.com", name: "Gone")
        harness.fake.deleteCustomer(id: id)

        let customer = try await harness.gateway.customer(id: id)

        #expect(customer == ProcessorCustomer(id: id, isDeleted: true))
    }

    @Test("a page of payments carries the latest charge and its refunded amount, and the next cursor")
    func paymentPage() async throws {
        let harness = try StripeGatewayHarness()
        let customer = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        let first = harness.fake.addPaymentIntent(customerID: customer, amount: 1000)
        let second = harness.fake.addPaymentIntent(
            customerID: customer, amount: 2000, currency: "eur", description: "Order 42")
        let unpaid = harness.fake.addPaymentIntent(
            customerID: customer, amount: 3000, status: "requires_payment_method")
        harness.fake.addRefund(paymentIntentID: second, amount: 500)

        let page = try await harness.gateway.paymentIntents(customerID: customer, limit: 2, startingAfter: nil)

        #expect(page.items.map(\.id) == [unpaid, second])
        #expect(page.hasMore)
        #expect(page.nextCursor == second)
        let payment = page.items[1]
        #expect(payment.amount == 2000)
        #expect(payment.currency == "eur")
        #expect(payment.status == "succeeded")
        #expect(payment.customerID == customer)
        #expect(payment.description == "Order 42")
        #expect(payment.latestChargeID?.hasPrefix("ch_") == true)
        #expect(payment.amountRefunded == 500)
        #expect(page.items[0].latestChargeID == nil)
        #expect(page.items[0].amountRefunded == nil)
        let next = try await harness.gateway.paymentIntents(customerID: customer, limit: 2, startingAfter: second)
        #expect(next.items.map(\.id) == [first])
        #expect(next.nextCursor == nil)
        #expect(harness.fake.requests[0].rawQuery == "customer=\(customer)&limit=2&expand[]=data.latest_charge")
    }

    @Test("a refund sends Stripe's reason value and comes back with its status, payment and metadata")
    func createRefund() async throws {
        let harness = try StripeGatewayHarness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 5000)

        let refund = try await harness.gateway.createRefund(
            paymentIntentID: intent, amount: 1500, reason: .requestedByCustomer, metadata: ["refund_log_id": "12"],
            idempotencyKey: "refund-12")

        #expect(refund.amount == 1500)
        #expect(refund.currency == "usd")
        #expect(refund.status == "succeeded")
        #expect(refund.paymentIntentID == intent)
        #expect(refund.metadata == ["refund_log_id": "12"])
        let request = try #require(harness.onlyRequest)
        #expect(
            request.body
                == "payment_intent=\(intent)&amount=1500&reason=requested_by_customer&metadata[refund_log_id]=12")
        #expect(request.header("Idempotency-Key") == "refund-12")
        #expect(try await harness.gateway.paymentIntent(id: intent).amountRefunded == 1500)
        let listed = try await harness.gateway.refunds(paymentIntentID: intent, limit: 10, startingAfter: nil)
        #expect(listed.items == [refund])
        #expect(!listed.hasMore)
    }

    @Test("a payment link is made from a price, and answers its id and URL")
    func paymentLink() async throws {
        let harness = try StripeGatewayHarness()

        let priceID = try await harness.gateway.createPrice(
            amount: 2500, currency: "usd", productName: "Gift card", idempotencyKey: "price-1")
        let link = try await harness.gateway.createPaymentLink(
            priceID: priceID, quantity: 2, metadata: [:], idempotencyKey: "link-1")

        #expect(priceID.hasPrefix("price_"))
        #expect(link.id.hasPrefix("plink_"))
        #expect(link.url.hasPrefix("https://buy.stripe.com/test_"))
        #expect(harness.fake.requests.map(\.path) == ["/v1/prices", "/v1/payment_links"])
    }

    @Test("seeding finds customers by email, creates them, and creates confirmed payments")
    func demoCalls() async throws {
        let harness = try StripeGatewayHarness()

        let created = try await harness.gateway.createCustomer(
            email: "new@example.com", name: "New Person", metadata: ["payment_ops_seed": "new@example.com"],
            idempotencyKey: "cust-1")
        let found = try await harness.gateway.customers(email: "new@example.com", limit: 10)
        let payment = try await harness.gateway.createConfirmedPaymentIntent(
            customerID: created.id, amount: 4999, currency: "usd", paymentMethod: "pm_card_visa",
            description: "Seed order", metadata: ["payment_ops_seed": "new@example.com#1"], idempotencyKey: "pi-1")

        #expect(found.items == [created])
        #expect(created.metadata == ["payment_ops_seed": "new@example.com"])
        #expect(payment.status == "succeeded")
        #expect(payment.customerID == created.id)
        #expect(payment.metadata == ["payment_ops_seed": "new@example.com#1"])
        #expect(payment.latestChargeID?.hasPrefix("ch_") == true)
    }

    @Test("read checks list one object, and the customers check searches for nobody")
    func readChecks() async throws {
        let harness = try StripeGatewayHarness()

        try await harness.gateway.checkReadAccess(to: .customers)
        try await harness.gateway.checkReadAccess(to: .prices)

        #expect(harness.fake.requests.map(\.path) == ["/v1/customers", "/v1/prices"])
        #expect(
            harness.fake.requests.map(\.rawQuery) == ["email=doctor%40payment-ops.invalid&limit=1", "limit=1"])
    }

    @Test("Stripe's 404 is not found, explained in plain words, with the StripeError kept")
    func notFound() async throws {
        let harness = try StripeGatewayHarness()

        let error = await #expect(throws: GatewayError.self) {
            try await harness.gateway.paymentIntent(id: "pi_missing")
        }

        #expect(error?.kind == .notFound)
        #expect(error?.requestWasNotApplied == true)
        #expect(
            error?.explanation.hasPrefix(
                "Stripe has no such object. Check the id. Stripe said: \"No such payment_intent: 'pi_missing'\" "
                    + "(Stripe request req_") == true)
        #expect((error?.underlying as? StripeError)?.httpStatus == 404)
    }

    @Test("a refused refund is refused and certainly not applied")
    func refusedRefund() async throws {
        let harness = try StripeGatewayHarness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)

        let error = await #expect(throws: GatewayError.self) {
            try await harness.gateway.createRefund(
                paymentIntentID: intent, amount: 5000, reason: nil, metadata: [:], idempotencyKey: "too-much")
        }

        #expect(error?.kind == .refused)
        #expect(error?.requestWasNotApplied == true)
        #expect(error?.explanation.hasPrefix("Stripe refused the request. Stripe said: ") == true)
    }

    @Test("a connection that was never made is unavailable and certainly not applied")
    func unreachable() async throws {
        let refusing = try RefusingPort()
        let harness = try StripeGatewayHarness(apiBase: refusing.baseURL)

        let error = await #expect(throws: GatewayError.self) {
            try await harness.gateway.customer(id: "cus_1")
        }

        #expect(error?.kind == .unavailable)
        #expect(error?.requestWasNotApplied == true)
        #expect(error?.explanation == "Stripe could not be reached (a network problem). Try again in a minute.")
    }

    @Test("the mode and the longest call come from the client's configuration")
    func configuration() throws {
        let harness = try StripeGatewayHarness()

        #expect(harness.gateway.mode == .test)
        #expect(harness.gateway.longestCall == .seconds(80))
    }

    @Test("a key is classified by its prefix only, or says why it cannot be used")
    func keyStatus() {
        #expect(StripeGateway.keyStatus(of: nil) == .notSet)
        #expect(StripeGateway.keyStatus(of: "rk_test_51Secret") == .usable(prefix: "rk_test_…", mode: .test))
        #expect(StripeGateway.keyStatus(of: "sk_live_51Secret") == .usable(prefix: "sk_live_…", mode: .live))
        #expect(
            StripeGateway.keyStatus(of: "pk_test_51Secret")
                == .unusable(
                    reason: "A publishable key (pk_test_…) cannot call Stripe's API from a server: use a secret "
                        + "(sk_…) or restricted (rk_…) key."))
    }
}
