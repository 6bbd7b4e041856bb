import DynamicJSON
import FoundationEssentials
import StripeClient
import StripeFake
import Testing

/// Decoding Stripe's own example objects (every field present) into the models.
@Suite("Stripe object decoding")
struct ModelDecodingTests {
    private func decode<Object: Decodable>(_ type: Object.Type, _ json: JSONValue) throws -> Object {
        try JSONDecoder().decode(type, from: Data(json.text.utf8))
    }

    @Test("a customer decodes from Stripe's full example")
    func customer() throws {
        let customer = try decode(StripeCustomer.self, StripeShape.customer.json(["email": "a@b.c", "balance": -500]))
        #expect(customer.id == "cus_QXg1o8vcGmoR32")
        #expect(customer.email == "a@b.c")
        #expect(customer.name == nil)
        #expect(customer.balance == -500)
        #expect(customer.created == 1_234_567_890)
        #expect(customer.livemode == false)
        #expect(!customer.deleted)
    }

    @Test("a deleted customer decodes from its three-field stub")
    func deletedCustomer() throws {
        let customer = try decode(StripeCustomer.self, StripeShape.deletedCustomer.json())
        #expect(customer.deleted)
        #expect(customer.id == "cus_QXg1o8vcGmoR32")
        #expect(customer.metadata == [:])
        #expect(customer.livemode == nil)
    }

    @Test("a PaymentIntent's latest_charge decodes as an id, an expanded charge, or null")
    func latestCharge() throws {
        let asID = try decode(PaymentIntent.self, StripeShape.paymentIntent.json(["latest_charge": "ch_1"]))
        #expect(asID.latestCharge?.id == "ch_1")
        #expect(asID.latestCharge?.object == nil)

        let charge = StripeShape.charge.json(["amount_refunded": 40, "payment_intent": "pi_1PgafyB7WZ01zgkWSjxsAJo3"])
        let expanded = try decode(PaymentIntent.self, StripeShape.paymentIntent.json(["latest_charge": charge]))
        #expect(expanded.latestCharge?.id == "ch_1PgafuB7WZ01zgkWXYmPNZs8")
        #expect(expanded.latestCharge?.object?.amountRefunded == 40)
        #expect(expanded.latestCharge?.object?.paymentIntent == "pi_1PgafyB7WZ01zgkWSjxsAJo3")

        let none = try decode(PaymentIntent.self, StripeShape.paymentIntent.json())
        #expect(none.latestCharge == nil)
        #expect(none.amount == 1099)
        #expect(none.status == "requires_payment_method")
        #expect(none.customer == nil)
    }

    @Test("a charge decodes its amounts and status")
    func charge() throws {
        let charge = try decode(Charge.self, StripeShape.charge.json())
        #expect(charge.amount == 100)
        #expect(charge.amountCaptured == 0)
        #expect(charge.amountRefunded == 0)
        #expect(!charge.refunded)
        #expect(charge.status == "succeeded")
        #expect(charge.paymentIntent == nil)
        #expect(!charge.livemode)
    }

    @Test("a failed refund decodes its status and failure reason")
    func refund() throws {
        let refund = try decode(
            Refund.self,
            StripeShape.refund.json([
                "status": "failed", "failure_reason": "expired_or_canceled_card", "reason": "fraudulent",
            ]))
        #expect(refund.status == "failed")
        #expect(refund.failureReason == "expired_or_canceled_card")
        #expect(refund.reason == "fraudulent")
        #expect(refund.charge == "ch_1PgafuB7WZ01zgkWXYmPNZs8")
        #expect(refund.amount == 100)
    }

    @Test("a price and a payment link decode")
    func catalog() throws {
        let price = try decode(Price.self, StripeShape.price.json())
        #expect(price.unitAmount == 2000)
        #expect(price.product == "prod_QXg1hqf4jFNsqG")
        let link = try decode(PaymentLink.self, StripeShape.paymentLink.json())
        #expect(
            link.url == "https://sangeekp-15t6ai--payment_links_ingress-mydev.dev.stripe.me/test_eVa16Q1Vd7yU1Ne8ww")
        #expect(link.active)
    }

    @Test("a list decodes data and has_more and gives the next cursor")
    func list() throws {
        let json: JSONValue = [
            "object": "list", "url": "/v1/refunds", "has_more": true,
            "data": [StripeShape.refund.json(["id": "re_2"]), StripeShape.refund.json(["id": "re_1"])],
        ]
        let list = try decode(StripeList<Refund>.self, json)
        #expect(list.data.map(\.id) == ["re_2", "re_1"])
        #expect(list.nextCursor == "re_1")
    }
}
