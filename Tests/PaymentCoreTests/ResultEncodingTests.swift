import FoundationEssentials
import PaymentCore
import Testing

/// Any JSON value, decoded and ignored.
private struct AnyValue: Decodable {}

/// The keys of a JSON object, whatever their values.
private func keys(_ value: some Encodable) throws -> [String] {
    return try JSONDecoder().decode([String: AnyValue].self, from: JSONEncoder().encode(value)).keys.sorted()
}

/// The compact JSON text of a value, keys sorted.
private func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
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
        #expect(try json(profile.stripe) == #"{"customer":null,"error":null,"status":"unlinked"}"#)
    }

    @Test("list_payments and get_order_history")
    func lists() async throws {
        let world = try RefundGateTests.world()
        let list = try await world.service.listPayments(email: "jane@example.com")
        #expect(try keys(list) == ["customer", "has_more", "next_cursor", "payments"])
        #expect(try json(list.customer) == #"{"email":"jane@example.com","stripe_customer_id":"cus_jane"}"#)
        #expect(
            try keys(list.payments[0]) == [
                "amount_cents", "amount_refunded_cents", "charge_id", "created_at", "currency", "description",
                "order_id", "payment_intent_id", "status",
            ])
        let history = try world.service.orderHistory(email: "jane@example.com")
        #expect(try keys(history) == ["customer", "next_cursor", "orders"])
        #expect(
            try json(history.orders[0])
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
        #expect(try json(preview).contains(#""reason":"requested_by_customer","refund_log_id":null"#))
        let done = try await world.service.issueRefund(
            RefundRequest(
                email: "jane@example.com", amountCents: 100, confirmed: true,
                confirmationToken: preview.confirmationToken))
        #expect(try keys(done) == expected)
        #expect(
            try json(done).contains(
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
            try json(revenue.currencies)
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
}
