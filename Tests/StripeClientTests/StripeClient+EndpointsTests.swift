import DynamicJSON
import StripeClient
import StripeFake
import Testing

@Suite("StripeClient endpoints against the fake Stripe")
struct StripeClientEndpointsTests {
    @Test("customer(id:) retrieves and decodes a customer")
    func customer() async throws {
        let harness = try Harness()
        let id = harness.fake.addCustomer(email: "ada@example.com", name: "Ada", metadata: ["tier": "gold"])
        let customer = try await harness.client.customer(id: id)
        #expect(customer.id == id)
        #expect(customer.email == "ada@example.com")
        #expect(customer.name == "Ada")
        #expect(customer.metadata == ["tier": "gold"])
        #expect(customer.deleted == false)
        #expect(customer.balance == 0)
        #expect(customer.delinquent == false)
        let request = try #require(harness.onlyRequest)
        #expect(request.method == "GET")
        #expect(request.path == "/v1/customers/\(id)")
        #expect(request.rawQuery == "")
        #expect(request.body == "")
    }

    @Test("a deleted customer decodes as deleted, with nothing else")
    func deletedCustomer() async throws {
        let harness = try Harness()
        let id = harness.fake.addCustomer(email: "gone@example.com", name: "Gone")
        harness.fake.deleteCustomer(id: id)
        let customer = try await harness.client.customer(id: id)
        #expect(customer.id == id)
        #expect(customer.deleted)
        #expect(customer.email == nil)
    }

    @Test("customers(email:limit:) lists exact matches")
    func customersByEmail() async throws {
        let harness = try Harness()
        let ada = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        harness.fake.addCustomer(email: "bob@example.com", name: "Bob")
        let list = try await harness.client.customers(email: "ada@example.com", limit: 2)
        #expect(list.data.map(\.id) == [ada])
        #expect(!list.hasMore)
        #expect(list.nextCursor == nil)
        let request = try #require(harness.onlyRequest)
        #expect(request.method == "GET")
        #expect(request.path == "/v1/customers")
        #expect(request.rawQuery == "email=ada%40example.com&limit=2")
    }

    @Test("createCustomer posts a form body with the caller's idempotency key")
    func createCustomer() async throws {
        let harness = try Harness()
        let customer = try await harness.client.createCustomer(
            email: "new@example.com", name: "New Person", metadata: ["orders_id": "u-1"], idempotencyKey: "cust-u-1")
        #expect(customer.email == "new@example.com")
        #expect(customer.name == "New Person")
        #expect(customer.metadata == ["orders_id": "u-1"])
        let request = try #require(harness.onlyRequest)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/customers")
        #expect(request.rawQuery == "")
        #expect(request.body == "email=new%40example.com&name=New%20Person&metadata[orders_id]=u-1")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.header("Idempotency-Key") == "cust-u-1")
    }

    @Test("paymentIntents pages newest first with the latest charge expanded")
    func paymentIntentsPaging() async throws {
        let harness = try Harness()
        let customer = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        let first = harness.fake.addPaymentIntent(customerID: customer, amount: 1000)
        let second = harness.fake.addPaymentIntent(customerID: customer, amount: 2000, currency: "eur")
        let third = harness.fake.addPaymentIntent(customerID: customer, amount: 3000, status: "requires_payment_method")
        let page = try await harness.client.paymentIntents(customerID: customer, limit: 2, startingAfter: nil)
        #expect(page.data.map(\.id) == [third, second])
        #expect(page.hasMore)
        #expect(page.nextCursor == second)
        let charge = try #require(page.data[1].latestCharge?.object)
        #expect(charge.amount == 2000)
        #expect(charge.currency == "eur")
        #expect(charge.paymentIntent?.id == second)
        #expect(page.data[0].latestCharge == nil)
        let next = try await harness.client.paymentIntents(customerID: customer, limit: 2, startingAfter: second)
        #expect(next.data.map(\.id) == [first])
        #expect(!next.hasMore)
        #expect(
            harness.fake.requests.map(\.rawQuery) == [
                "customer=\(customer)&limit=2&expand[]=data.latest_charge",
                "customer=\(customer)&limit=2&starting_after=\(second)&expand[]=data.latest_charge",
            ])
        #expect(harness.fake.requests.allSatisfy { $0.method == "GET" && $0.path == "/v1/payment_intents" })
    }

    @Test("paymentIntent(id:) retrieves one with its charge expanded")
    func paymentIntent() async throws {
        let harness = try Harness()
        let id = harness.fake.addPaymentIntent(
            customerID: nil, amount: 4999, description: "Order 42", metadata: ["order_id": "42"])
        let intent = try await harness.client.paymentIntent(id: id)
        #expect(intent.amount == 4999)
        #expect(intent.amountReceived == 4999)
        #expect(intent.status == "succeeded")
        #expect(intent.description == "Order 42")
        #expect(intent.metadata == ["order_id": "42"])
        #expect(intent.latestCharge?.object?.amountCaptured == 4999)
        let request = try #require(harness.onlyRequest)
        #expect(request.path == "/v1/payment_intents/\(id)")
        #expect(request.rawQuery == "expand[]=latest_charge")
    }

    @Test("createConfirmedPaymentIntent confirms at once and decodes the succeeded intent")
    func createConfirmedPaymentIntent() async throws {
        let harness = try Harness()
        let customer = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        let intent = try await harness.client.createConfirmedPaymentIntent(
            customerID: customer, amount: 4999, currency: "usd", paymentMethod: "pm_card_visa",
            description: "Seed order", metadata: ["order_id": "o-1"], idempotencyKey: "seed-o-1")
        #expect(intent.status == "succeeded")
        #expect(intent.customer?.id == customer)
        #expect(intent.latestCharge?.id.hasPrefix("ch_") == true)
        let request = try #require(harness.onlyRequest)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/payment_intents")
        #expect(
            request.body
                == "customer=\(customer)&amount=4999&currency=usd&payment_method=pm_card_visa&confirm=true"
                + "&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never"
                + "&description=Seed%20order&metadata[order_id]=o-1")
        #expect(request.header("Idempotency-Key") == "seed-o-1")
    }

    @Test("createRefund refunds part of a charge, and the charge shows it")
    func createRefund() async throws {
        let harness = try Harness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 5000)
        let refund = try await harness.client.createRefund(
            paymentIntentID: intent, amount: 1500, reason: "duplicate", metadata: ["refund_log_id": "12"],
            idempotencyKey: "refund-12")
        #expect(refund.amount == 1500)
        #expect(refund.status == "succeeded")
        #expect(refund.reason == "duplicate")
        #expect(refund.paymentIntent?.id == intent)
        #expect(refund.metadata == ["refund_log_id": "12"])
        let request = try #require(harness.onlyRequest)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/refunds")
        #expect(request.body == "payment_intent=\(intent)&amount=1500&reason=duplicate&metadata[refund_log_id]=12")
        #expect(request.header("Idempotency-Key") == "refund-12")
        let charge = try await harness.client.paymentIntent(id: intent).latestCharge?.object
        #expect(charge?.amountRefunded == 1500)
        #expect(charge?.refunded == false)
    }

    @Test("a replayed refund with the same idempotency key refunds once")
    func idempotentRefund() async throws {
        let harness = try Harness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 5000)
        let first = try await harness.client.createRefund(
            paymentIntentID: intent, amount: 5000, reason: nil, metadata: [:], idempotencyKey: "once")
        let again = try await harness.client.createRefund(
            paymentIntentID: intent, amount: 5000, reason: nil, metadata: [:], idempotencyKey: "once")
        #expect(first.id == again.id)
        #expect(harness.fake.objects(ofKind: "refund").count == 1)
        #expect(harness.fake.object(id: first.charge?.id ?? "")?["refunded"] == true)
    }

    @Test("refunds(paymentIntentID:) lists a PaymentIntent's refunds newest first")
    func refunds() async throws {
        let harness = try Harness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 5000)
        let older = try #require(harness.fake.addRefund(paymentIntentID: intent, amount: 100))
        let newer = try #require(harness.fake.addRefund(paymentIntentID: intent, amount: 200, metadata: ["k": "v"]))
        let list = try await harness.client.refunds(paymentIntentID: intent, limit: 10, startingAfter: nil)
        #expect(list.data.map(\.id) == [newer, older])
        #expect(list.data[0].metadata == ["k": "v"])
        let request = try #require(harness.onlyRequest)
        #expect(request.path == "/v1/refunds")
        #expect(request.rawQuery == "payment_intent=\(intent)&limit=10")
    }

    @Test("createPrice and createPaymentLink make a link with its URL")
    func priceAndLink() async throws {
        let harness = try Harness()
        let price = try await harness.client.createPrice(
            amount: 2500, currency: "usd", productName: "Gift card", idempotencyKey: "price-1")
        #expect(price.unitAmount == 2500)
        #expect(price.currency == "usd")
        #expect(price.product.id.hasPrefix("prod_"))
        let link = try await harness.client.createPaymentLink(
            priceID: price.id, quantity: 2, metadata: ["note": "x"], idempotencyKey: "link-1")
        #expect(link.url.hasPrefix("https://buy.stripe.com/test_"))
        #expect(link.active)
        #expect(link.metadata == ["note": "x"])
        let requests = harness.fake.requests
        #expect(requests.map(\.path) == ["/v1/prices", "/v1/payment_links"])
        #expect(requests[0].body == "unit_amount=2500&currency=usd&product_data[name]=Gift%20card")
        #expect(requests[1].body == "line_items[0][price]=\(price.id)&line_items[0][quantity]=2&metadata[note]=x")
        #expect(requests.map { $0.header("Idempotency-Key") } == ["price-1", "link-1"])
    }
}
