import DynamicJSON
import OrdersStore
import Testing

@testable import PaymentCore
@testable import PaymentOpsMCP

/// The keys of the JSON object an answer writes.
private func keys(_ value: some AnswerJSON) throws -> [String] {
    try #require(JSONCodec.parse(JSONText(answer: value).bytes).objectValue).keys.sorted()
}

/// The JSON text an answer writes.
private func json(_ value: some AnswerJSON) -> String {
    JSONText(answer: value).string
}

/// The JSON text of a list of an answer's parts.
private func json(_ values: [some AnswerJSON]) -> String {
    JSONText(values.map { Written(value: $0) }).string
}

@Suite("Structured answers use the design's field names, with null for what is absent")
struct AnswerEncodingTests {
    @Test("lookup_customer")
    func lookup() throws {
        let profile = CustomerProfile(
            customer: AnswerFixtures.customer(stripeID: nil),
            orders: OrderCountsRecord(OrderCounts(total: 0, paid: 0, partiallyRefunded: 0, refunded: 0)), totals: [],
            stripe: StripeCustomerStatus(status: .unlinked))
        #expect(try keys(profile) == ["customer", "orders", "stripe", "totals"])
        #expect(try keys(profile.customer) == ["created_at", "email", "id", "name", "stripe_customer_id"])
        #expect(try keys(profile.orders) == ["paid", "partially_refunded", "refunded", "total"])
        #expect(json(profile.stripe) == #"{"customer":null,"error":null,"status":"unlinked"}"#)
    }

    @Test("list_payments and get_order_history")
    func lists() async throws {
        let world = try CatalogWorld()
        let jane = try world.addCustomer("jane@example.com")
        try world.addOrder("o1", for: jane, amount: 4999)
        let list = try await world.service.listPayments(email: "jane@example.com")
        #expect(try keys(list) == ["customer", "has_more", "next_cursor", "payments"])
        let owner = PaymentList.Owner(email: "jane@example.com", stripeCustomerID: "cus_jane")
        #expect(json(owner) == #"{"email":"jane@example.com","stripe_customer_id":"cus_jane"}"#)
        #expect(
            try keys(list.payments[0]) == [
                "amount_cents", "amount_refunded_cents", "charge_id", "created_at", "currency", "description",
                "order_id", "payment_intent_id", "status",
            ])
        let history = OrderHistory(
            customer: AnswerFixtures.customer(),
            orders: [AnswerFixtures.order("o1", amount: 4999, daysAgo: 10, paymentIntentID: "pi_1")])
        #expect(try keys(history) == ["customer", "next_cursor", "orders"])
        #expect(
            json(history.orders[0])
                == #"{"amount_cents":4999,"created_at":"2026-11-17T12:00:00Z","currency":"usd","order_id":"o1","#
                + #""payment_intent_id":"pi_1","refundable_cents":4999,"refunded_cents":0,"status":"paid"}"#)
    }

    @Test("issue_refund keeps every key in every status")
    func refund() throws {
        var preview = AnswerFixtures.refund(.preview, amount: 100)
        preview.confirmationToken = "tok"
        preview.expiresAt = AnswerFixtures.now
        let expected = [
            "amount_cents", "approval_request_id", "approved_via", "confirmation_token", "currency", "customer_email",
            "expires_at", "failure_reason", "note", "order_age_days", "order_id", "order_status", "payment_intent_id",
            "reason", "refund_log_id", "refundable_cents", "status", "stripe_refund_id", "stripe_refund_status",
        ]
        #expect(try keys(preview) == expected)
        #expect(SecondApprovalAnswer.refundKeys.map(\.description) == expected)
        #expect(json(preview).contains(#""reason":"requested_by_customer","refund_log_id":null"#))
        #expect(json(preview).contains(#""expires_at":"2026-11-27T12:00:00Z""#))
        var done = AnswerFixtures.refund(.refunded, amount: 100)
        done.stripeRefundID = "re_test1"
        done.stripeRefundStatus = "succeeded"
        done.refundLogID = "rl_1"
        done.orderStatus = .partiallyRefunded
        done.approvedVia = "confirmation_token"
        #expect(try keys(done) == expected)
        #expect(json(done).contains(#""order_status":"partially_refunded""#))
        #expect(
            json(done).contains(
                #""status":"refunded","stripe_refund_id":"re_test1","stripe_refund_status":"succeeded"}"#))
    }

    @Test("create_payment_link, revenue_summary and flag_for_review")
    func others() throws {
        let link = PaymentLinkResult(
            url: "https://buy.stripe.com/test_1", paymentLinkID: "plink_1", priceID: "price_1", amountCents: 100,
            currency: "usd", quantity: 1, description: "Hour")
        #expect(
            try keys(link) == [
                "amount_cents", "currency", "description", "payment_link_id", "price_id", "quantity", "url",
            ])
        let revenue = try #require(AnswerTextTests.revenue(orders: 1, grossCents: 4999))
        #expect(try keys(revenue) == ["currencies", "end_date", "orders", "start_date"])
        #expect(
            json(revenue.currencies)
                == #"[{"currency":"usd","gross_cents":4999,"net_cents":4999,"orders":1,"refunded_cents":0}]"#)
        let flag = AnswerFixtures.flag()
        #expect(try keys(flag) == ["created_at", "flag_id", "flagged_by", "note", "order_id", "payment_intent_id"])
        let detail = PaymentDetail(
            paymentIntentID: "pi_1", order: AnswerFixtures.order("o1", amount: 4999, daysAgo: 10),
            refunds: [AnswerFixtures.journalRow()], reviewFlags: [flag])
        #expect(
            try keys(detail) == [
                "customer_email", "order", "payment_intent", "payment_intent_id", "refunds", "review_flags",
                "stripe_error",
            ])
    }

    @Test("every answer writes valid JSON already in canonical form: members in key order, text escaped")
    func canonical() async throws {
        let answers = try await Self.everyAnswer()
        for answer in answers {
            let bytes = JSONText(answer: answer).bytes
            #expect(try JSONCodec.encode(JSONCodec.parse(bytes)) == bytes, "\(type(of: answer))")
        }
    }

    /// An instance of every answer type and of each of their parts, optionals both present and absent, with
    /// text that needs escaping.
    private static func everyAnswer() async throws -> [any AnswerJSON] {
        let hostile = "Jane \"JD\" Doe \\ \n\t\u{1}\u{2028}é😀"
        let world = try CatalogWorld()
        let jane = try world.addCustomer("jane@example.com", name: hostile)
        try world.addCustomer("ann@example.com", linked: false)
        try world.addOrder("o1", for: jane, amount: 4999, daysAgo: 10)
        try world.addOrder("o2", for: jane, amount: 1500, currency: "eur", daysAgo: 5)
        let service = world.service
        let linked = try await service.lookupCustomer(email: "jane@example.com")
        let unlinked = try await service.lookupCustomer(email: "ann@example.com")
        let firstPayments = try await service.listPayments(email: "jane@example.com", limit: 1)
        let lastPayments = try await service.listPayments(
            email: "jane@example.com", limit: 1, startingAfter: firstPayments.nextCursor)
        let customer = AnswerFixtures.customer(name: hostile)
        let firstOrders = OrderHistory(
            customer: customer, orders: [AnswerFixtures.order("o2", amount: 1500, daysAgo: 5)], nextCursor: "abc")
        let lastOrders = OrderHistory(
            customer: customer,
            orders: [AnswerFixtures.order("o1", amount: 4999, daysAgo: 10, paymentIntentID: "pi_1", refunded: 100)])
        var preview = AnswerFixtures.refund(.preview, amount: 100, note: "line\nbreak")
        preview.confirmationToken = "tok"
        preview.expiresAt = AnswerFixtures.now
        var refunded = AnswerFixtures.refund(.refunded, amount: 100)
        refunded.refundLogID = "rl_1"
        refunded.orderStatus = .partiallyRefunded
        let link = PaymentLinkResult(
            url: "https://buy.stripe.com/test_1", paymentLinkID: "plink_1", priceID: "price_1", amountCents: 250,
            currency: "usd", quantity: 2, description: "Hour \"plus\"")
        let revenue = try #require(AnswerTextTests.revenue(orders: 1, grossCents: 4999))
        let flag = AnswerFixtures.flag(note: "odd \\ note")
        let detail = PaymentDetail(
            paymentIntentID: "pi_1", order: lastOrders.orders[0], customerEmail: "jane@example.com",
            paymentIntent: firstPayments.payments[0], refunds: [AnswerFixtures.journalRow(note: "n\"ote")],
            reviewFlags: [flag])
        let orderless = PaymentDetail(
            paymentIntentID: "pi_9", paymentIntent: lastPayments.payments[0],
            refunds: [AnswerFixtures.journalRow(completed: false)], reviewFlags: [])
        let stripeless = PaymentDetail(
            paymentIntentID: "pi_1", order: firstOrders.orders[0], stripeError: "Stripe \"down\"", refunds: [],
            reviewFlags: [])
        var stripeDown = linked
        stripeDown.stripe = StripeCustomerStatus(status: .error, error: "Stripe \"down\"")

        // Spot checks that the optionals are there both ways, so a changed helper cannot hollow the test out.
        #expect(unlinked.customer.stripeCustomerID == nil && linked.customer.stripeCustomerID != nil)
        #expect(firstPayments.nextCursor != nil && lastPayments.nextCursor == nil)
        let stripeCustomer = try #require(linked.stripe.customer)
        return [
            linked, unlinked, stripeDown, linked.customer, unlinked.customer, linked.orders, stripeCustomer,
            linked.stripe, firstPayments, lastPayments, firstPayments.customer, firstPayments.payments[0],
            firstOrders, lastOrders, firstOrders.orders[0], preview, refunded, refunded.status, link, revenue,
            revenue.currencies[0], flag, detail, detail.refunds[0], orderless, stripeless,
        ] + linked.totals.map { $0 as any AnswerJSON }
    }
}
