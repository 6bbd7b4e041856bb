import DynamicJSON
import PaymentCore
import Testing

/// The keys of the JSON object an answer writes.
private func keys(_ value: some JSONWritable) throws -> [String] {
    try #require(JSONCodec.parse(JSONText(value).bytes).objectValue).keys.sorted()
}

/// The JSON text an answer writes.
private func json(_ value: some JSONWritable) -> String {
    JSONText(value).string
}

@Suite("Structured answers use the design's field names, with null for what is absent")
struct ResultEncodingTests {
    @Test("lookup_customer")
    func lookup() async throws {
        let world = try TestWorld()
        try world.addCustomer("jane@example.com")
        let profile = try await world.service.lookupCustomer(email: "jane@example.com")
        #expect(try keys(profile) == ["customer", "orders", "stripe", "totals"])
        #expect(try keys(profile.customer) == ["created_at", "email", "id", "name", "stripe_customer_id"])
        #expect(try keys(profile.orders) == ["paid", "partially_refunded", "refunded", "total"])
        #expect(json(profile.stripe) == #"{"customer":null,"error":null,"status":"unlinked"}"#)
    }

    @Test("list_payments and get_order_history")
    func lists() async throws {
        let world = try RefundGateTests.world()
        let list = try await world.service.listPayments(email: "jane@example.com")
        #expect(try keys(list) == ["customer", "has_more", "next_cursor", "payments"])
        #expect(json(list.customer) == #"{"email":"jane@example.com","stripe_customer_id":"cus_jane"}"#)
        #expect(
            try keys(list.payments[0]) == [
                "amount_cents", "amount_refunded_cents", "charge_id", "created_at", "currency", "description",
                "order_id", "payment_intent_id", "status",
            ])
        let history = try world.service.orderHistory(email: "jane@example.com")
        #expect(try keys(history) == ["customer", "next_cursor", "orders"])
        #expect(
            json(history.orders[0])
                == #"{"amount_cents":4999,"created_at":"2026-11-17T12:00:00Z","currency":"usd","order_id":"o1","#
                + #""payment_intent_id":"pi_1","refundable_cents":4999,"refunded_cents":0,"status":"paid"}"#)
    }

    @Test("issue_refund keeps every key in every status")
    func refund() async throws {
        let world = try RefundGateTests.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com", amountCents: 100))
        let expected = [
            "amount_cents", "approved_via", "confirmation_token", "currency", "customer_email", "expires_at",
            "failure_reason", "note", "order_age_days", "order_id", "order_status", "payment_intent_id", "reason",
            "refund_log_id", "refundable_cents", "status", "stripe_refund_id", "stripe_refund_status",
        ]
        #expect(try keys(preview) == expected)
        #expect(json(preview).contains(#""reason":"requested_by_customer","refund_log_id":null"#))
        let done = try await world.service.issueRefund(
            RefundRequest(
                email: "jane@example.com", amountCents: 100, confirmed: true,
                confirmationToken: preview.confirmationToken))
        #expect(try keys(done) == expected)
        #expect(
            json(done).contains(
                #""status":"refunded","stripe_refund_id":"re_test1","stripe_refund_status":"succeeded"}"#))
    }

    @Test("create_payment_link, revenue_summary and flag_for_review")
    func others() async throws {
        let world = try RefundGateTests.world()
        let link = try await world.service.createPaymentLink(amountCents: 100, description: "Hour")
        #expect(
            try keys(link) == [
                "amount_cents", "currency", "description", "payment_link_id", "price_id", "quantity", "url",
            ])
        let revenue = try world.service.revenueSummary(start: "2026-11-01", end: "2026-11-30")
        #expect(try keys(revenue) == ["currencies", "end_date", "orders", "start_date"])
        #expect(
            json(revenue.currencies)
                == #"[{"currency":"usd","gross_cents":4999,"net_cents":4999,"orders":1,"refunded_cents":0}]"#)
        let flag = try world.service.flagForReview(paymentIntentID: "pi_1", note: "odd")
        #expect(try keys(flag) == ["created_at", "flag_id", "flagged_by", "note", "order_id", "payment_intent_id"])
        let detail = try await world.service.paymentDetail(paymentIntentID: "pi_1")
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
            let bytes = JSONText(answer).bytes
            #expect(try JSONCodec.encode(JSONCodec.parse(bytes)) == bytes, "\(type(of: answer))")
        }
    }

    /// An instance of every answer type and of each of their parts, optionals both present and absent, with
    /// text that needs escaping.
    private static func everyAnswer() async throws -> [any JSONWritable] {
        let world = try TestWorld()
        let jane = try world.addCustomer(
            "jane@example.com", name: "Jane \"JD\" Doe \\ \n\t\u{1}\u{2028}é😀", stripeID: "cus_jane")
        try world.addCustomer("ann@example.com")
        try world.addOrder("o1", for: jane, amount: 4999, daysAgo: 10, paymentIntentID: "pi_1")
        try world.addOrder("o2", for: jane, amount: 1500, currency: "eur", daysAgo: 5)
        world.gateway.addPaymentIntent(id: "pi_9", customer: "cus_jane", amount: 700, description: "Gift \"card\"")
        let service = world.service

        let linked = try await service.lookupCustomer(email: "jane@example.com")
        let unlinked = try await service.lookupCustomer(email: "ann@example.com")
        let firstPayments = try await service.listPayments(email: "jane@example.com", limit: 1)
        let lastPayments = try await service.listPayments(
            email: "jane@example.com", limit: 1, startingAfter: firstPayments.nextCursor)
        let firstOrders = try service.orderHistory(email: "jane@example.com", limit: 1)
        let lastOrders = try service.orderHistory(email: "jane@example.com", limit: 1, cursor: firstOrders.nextCursor)
        let preview = try await service.issueRefund(
            RefundRequest(
                email: "jane@example.com", paymentIntentID: "pi_1", amountCents: 100, reason: .duplicate,
                note: "line\nbreak"))
        let refunded = try await service.issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken))
        let link = try await service.createPaymentLink(amountCents: 250, description: "Hour \"plus\"", quantity: 2)
        let revenue = try service.revenueSummary(start: "2026-11-01", end: "2026-11-30")
        let flag = try service.flagForReview(paymentIntentID: "pi_1", note: "odd \\ note")
        let detail = try await service.paymentDetail(paymentIntentID: "pi_1")
        let orderless = try await service.paymentDetail(paymentIntentID: "pi_9")
        world.gateway.fail("customer", with: StripeErrors.serverError)
        world.gateway.fail("paymentIntent", with: StripeErrors.serverError)
        let stripeDown = try await service.lookupCustomer(email: "jane@example.com")
        let stripeless = try await service.paymentDetail(paymentIntentID: "pi_1")

        // Spot checks that the optionals are there both ways, so a changed helper cannot hollow the test out.
        #expect(unlinked.customer.stripeCustomerID == nil && linked.customer.stripeCustomerID != nil)
        #expect(firstPayments.nextCursor != nil && lastPayments.nextCursor == nil)
        #expect(firstPayments.payments[0].orderID != nil && lastPayments.payments[0].orderID == nil)
        #expect(firstOrders.orders[0].paymentIntentID == nil && lastOrders.orders[0].paymentIntentID != nil)
        #expect(preview.refundLogID == nil && refunded.refundLogID != nil)
        #expect(stripeDown.stripe.error != nil && stripeless.stripeError != nil && orderless.order == nil)
        let stripeCustomer = try #require(linked.stripe.customer)
        return [
            linked, unlinked, stripeDown, linked.customer, unlinked.customer, linked.orders, linked.totals,
            linked.stripe, stripeCustomer, firstPayments, lastPayments, firstPayments.customer,
            firstPayments.payments, lastPayments.payments, firstOrders, lastOrders, firstOrders.orders,
            lastOrders.orders, preview, refunded, refunded.status, link, revenue, revenue.currencies, flag, detail,
            detail.refunds, detail.reviewFlags, orderless, stripeless,
        ]
    }
}
