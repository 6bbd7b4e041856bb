import PaymentCore
import StripeClient
import Testing

@Suite("list_payments shows a customer's PaymentIntents joined to orders")
struct PaymentListTests {
    @Test("the email resolves to the Stripe customer and payments join their orders")
    func byEmail() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        try world.addOrder("o1", for: jane, amount: 4999, daysAgo: 3, paymentIntentID: "pi_old", stripeRefunded: 999)
        try world.addOrder("o2", for: jane, amount: 2999, daysAgo: 1, paymentIntentID: "pi_new")
        world.gateway.addPaymentIntent(id: "pi_orphan", customer: "cus_jane", amount: 100, created: 1_700_000_000)

        let list = try await world.service.listPayments(email: "jane@example.com")

        #expect(list.customer.email == "jane@example.com")
        #expect(list.customer.stripeCustomerID == "cus_jane")
        #expect(list.payments.map(\.paymentIntentID) == ["pi_new", "pi_old", "pi_orphan"])
        #expect(list.payments.map(\.orderID) == ["o2", "o1", nil])
        #expect(list.payments[1].amountRefundedCents == 999)
        #expect(list.payments[1].chargeID == "ch_old")
        #expect(list.hasMore == false)
        #expect(list.nextCursor == nil)
        #expect(world.gateway.calls == [.paymentIntents(customerID: "cus_jane", limit: 10, startingAfter: nil)])
    }

    @Test("payments Stripe sent that could not be read are reported beside the ones that could")
    func unreadable() async throws {
        let world = try TestWorld()
        try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        world.gateway.addPaymentIntent(id: "pi_ok", customer: "cus_jane", amount: 100)
        world.gateway.addUnreadableItems(["item 1 (pi_odd): field amount is missing"], toListOf: "cus_jane")

        let list = try await world.service.listPayments(email: "jane@example.com")

        #expect(list.payments.map(\.paymentIntentID) == ["pi_ok"])
        #expect(list.unreadable == ["item 1 (pi_odd): field amount is missing"])
    }

    @Test("a customer without payments gets an empty list")
    func empty() async throws {
        let world = try TestWorld()
        try world.addCustomer("jane@example.com", stripeID: "cus_jane")

        let list = try await world.service.listPayments(email: "jane@example.com")

        #expect(list.payments.isEmpty)
        #expect(list.customer.stripeCustomerID == "cus_jane" && !list.hasMore && list.nextCursor == nil)
    }

    @Test("a Stripe failure is an error in words a support agent understands")
    func stripeFailure() async throws {
        let world = try TestWorld()
        try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        world.gateway.fail("paymentIntents", with: StripeErrors.unreachable)

        let error = await #expect(throws: PaymentError.self) {
            try await world.service.listPayments(email: "jane@example.com")
        }
        #expect(error?.kind == .stripe)
        #expect(
            error?.message
                == "Could not list the customer's payments: Stripe could not be reached (a network problem). Try "
                + "again in a minute.")
        #expect((error?.gatewayError?.underlying as? StripeError)?.curlCode == 7)
    }

    @Test("pages follow Stripe's cursor, by Stripe customer id")
    func paging() async throws {
        let world = try TestWorld()
        for index in 1...3 {
            world.gateway.addPaymentIntent(
                id: "pi_\(index)", customer: "cus_x", amount: 100, created: 1_700_000_000 + index)
        }

        let first = try await world.service.listPayments(customerID: "cus_x", limit: 2)
        let second = try await world.service.listPayments(
            customerID: "cus_x", limit: 2, startingAfter: first.nextCursor)

        #expect(first.customer.email == nil)
        #expect(first.payments.map(\.paymentIntentID) == ["pi_3", "pi_2"])
        #expect(first.hasMore)
        #expect(first.nextCursor == "pi_2")
        #expect(second.payments.map(\.paymentIntentID) == ["pi_1"])
        #expect(second.hasMore == false)
    }

    @Test("limit must be 1 to 100, and exactly one of email and customer_id is given")
    func bounds() async throws {
        let world = try TestWorld()
        let tooMany = await #expect(throws: PaymentError.self) {
            try await world.service.listPayments(customerID: "cus_x", limit: 101)
        }
        #expect(tooMany?.message == "limit must be between 1 and 100.")
        let neither = await #expect(throws: PaymentError.self) { try await world.service.listPayments() }
        #expect(neither?.message == "Give exactly one of email or customer_id (cus_…).")
        let both = await #expect(throws: PaymentError.self) {
            try await world.service.listPayments(email: "jane@example.com", customerID: "cus_x")
        }
        #expect(both?.kind == .invalidArgument)
        #expect(world.gateway.calls.isEmpty)
    }

    @Test("a customer not linked to Stripe is told to use the order history")
    func unlinked() async throws {
        let world = try TestWorld()
        try world.addCustomer("jane@example.com")
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.listPayments(email: "jane@example.com")
        }
        #expect(
            error?.message
                == "This customer is not linked to a Stripe customer, so Stripe holds no payments for them. Use "
                + "get_order_history to see their orders.")
    }

    @Test("without Stripe configured the answer says how to configure it")
    func notConfigured() async throws {
        let world = try TestWorld(stripe: false)
        try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.listPayments(email: "jane@example.com")
        }
        #expect(error?.kind == .stripeNotConfigured)
        #expect(
            error?.message
                == "Stripe is not configured: set STRIPE_API_KEY (a sk_test_… or rk_test_… key) in the server's "
                + "environment or .env file and restart it. Tools that only read the orders database still work.")
    }

    @Test("the payment resource shows the order, the PaymentIntent and the refund journal")
    func paymentDetail() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        try world.addOrder("o1", for: jane, amount: 4999, paymentIntentID: "pi_1")
        _ = try await world.service.flagForReview(paymentIntentID: "pi_1", note: "looks odd")

        let detail = try await world.service.paymentDetail(paymentIntentID: "pi_1")

        #expect(detail.order?.orderID == "o1")
        #expect(detail.customerEmail == "jane@example.com")
        #expect(detail.paymentIntent?.amountCents == 4999)
        #expect(detail.refunds.isEmpty)
        #expect(detail.reviewFlags.map(\.note) == ["looks odd"])

        let missing = await #expect(throws: PaymentError.self) {
            try await world.service.paymentDetail(paymentIntentID: "pi_nowhere")
        }
        #expect(missing?.kind == .notFound)
    }
}
