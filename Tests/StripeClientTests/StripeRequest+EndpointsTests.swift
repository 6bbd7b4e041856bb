import StripeClient
import Testing

@Suite("StripeRequest endpoints")
struct StripeRequestEndpointsTests {
    @Test("retrieving a customer is a GET of its path, with the id encoded")
    func retrieveCustomer() {
        let request = StripeRequest.retrieveCustomer(id: "cus_123")
        #expect(request.method == .get)
        #expect(request.path == "/v1/customers/cus_123")
        #expect(request.query == "")
        #expect(request.body == nil)
        #expect(
            StripeRequest.retrieveCustomer(id: "cus_1/../../v1/refunds").path
                == "/v1/customers/cus_1%2F..%2F..%2Fv1%2Frefunds")
    }

    @Test("customers are listed by exact email")
    func listCustomers() {
        let request = StripeRequest.listCustomers(email: "ada+test@example.com", limit: 3)
        #expect(request.method == .get)
        #expect(request.path == "/v1/customers")
        #expect(request.query == "email=ada%2Btest%40example.com&limit=3")
    }

    @Test("creating a customer posts email, name and metadata with the idempotency key")
    func createCustomer() {
        let request = StripeRequest.createCustomer(
            email: "ada@example.com", name: "Ada Lovelace", metadata: ["source": "seed"], idempotencyKey: "seed-1")
        #expect(request.method == .post)
        #expect(request.path == "/v1/customers")
        #expect(request.body == "email=ada%40example.com&name=Ada%20Lovelace&metadata[source]=seed")
        #expect(request.query == "")
        #expect(request.idempotencyKey == "seed-1")
        #expect(
            StripeRequest.createCustomer(email: "a@b.c", name: "A", metadata: [:], idempotencyKey: "k").body
                == "email=a%40b.c&name=A")
    }

    @Test("PaymentIntents are listed by customer with the latest charge expanded")
    func listPaymentIntents() {
        #expect(
            StripeRequest.listPaymentIntents(customerID: "cus_1", limit: 10, startingAfter: nil).query
                == "customer=cus_1&limit=10&expand[]=data.latest_charge")
        let next = StripeRequest.listPaymentIntents(customerID: "cus_1", limit: 5, startingAfter: "pi_9")
        #expect(next.path == "/v1/payment_intents")
        #expect(next.query == "customer=cus_1&limit=5&starting_after=pi_9&expand[]=data.latest_charge")
    }

    @Test("a PaymentIntent is retrieved with its latest charge expanded")
    func retrievePaymentIntent() {
        let request = StripeRequest.retrievePaymentIntent(id: "pi_1")
        #expect(request.path == "/v1/payment_intents/pi_1")
        #expect(request.query == "expand[]=latest_charge")
    }

    @Test("a confirmed PaymentIntent turns off redirect-based methods and sends no payment_method_types")
    func createConfirmedPaymentIntent() {
        let request = StripeRequest.createConfirmedPaymentIntent(
            customerID: "cus_1", amount: 4999, currency: "usd", paymentMethod: "pm_card_visa",
            description: "Order 42", metadata: ["order_id": "42"], idempotencyKey: "seed-pi-1")
        #expect(request.method == .post)
        #expect(request.path == "/v1/payment_intents")
        #expect(
            request.body
                == "customer=cus_1&amount=4999&currency=usd&payment_method=pm_card_visa&confirm=true"
                + "&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never"
                + "&description=Order%2042&metadata[order_id]=42")
        #expect(request.idempotencyKey == "seed-pi-1")
    }

    @Test("a refund posts the PaymentIntent, amount, reason and metadata")
    func createRefund() {
        let request = StripeRequest.createRefund(
            paymentIntentID: "pi_1", amount: 1500, reason: "requested_by_customer", metadata: ["refund_log_id": "7"],
            idempotencyKey: "refund-7")
        #expect(request.path == "/v1/refunds")
        #expect(
            request.body
                == "payment_intent=pi_1&amount=1500&reason=requested_by_customer&metadata[refund_log_id]=7")
        #expect(
            StripeRequest.createRefund(
                paymentIntentID: "pi_1", amount: 1, reason: nil, metadata: [:], idempotencyKey: "k"
            ).body == "payment_intent=pi_1&amount=1")
    }

    @Test("refunds are listed by PaymentIntent")
    func listRefunds() {
        #expect(
            StripeRequest.listRefunds(paymentIntentID: "pi_1", limit: 100, startingAfter: "re_2").query
                == "payment_intent=pi_1&limit=100&starting_after=re_2")
    }

    @Test("a price creates its product inline")
    func createPrice() {
        let request = StripeRequest.createPrice(
            amount: 2500, currency: "eur", productName: "Gift card", idempotencyKey: "k")
        #expect(request.path == "/v1/prices")
        #expect(request.body == "unit_amount=2500&currency=eur&product_data[name]=Gift%20card")
    }

    @Test("a payment link sells one indexed line item")
    func createPaymentLink() {
        let request = StripeRequest.createPaymentLink(
            priceID: "price_1", quantity: 2, metadata: ["created_by": "payment-ops"], idempotencyKey: "k")
        #expect(request.path == "/v1/payment_links")
        #expect(
            request.body
                == "line_items[0][price]=price_1&line_items[0][quantity]=2&metadata[created_by]=payment-ops")
    }
}
