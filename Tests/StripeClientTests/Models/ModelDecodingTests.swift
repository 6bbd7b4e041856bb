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
        #expect(expanded.latestCharge?.object?.paymentIntent?.id == "pi_1PgafyB7WZ01zgkWSjxsAJo3")

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
        #expect(refund.charge?.id == "ch_1PgafuB7WZ01zgkWXYmPNZs8")
        #expect(refund.amount == 100)
    }

    @Test("a price and a payment link decode")
    func catalog() throws {
        let price = try decode(Price.self, StripeShape.price.json())
        #expect(price.unitAmount == 2000)
        #expect(price.product.id == "prod_QXg1hqf4jFNsqG")
        let link = try decode(PaymentLink.self, StripeShape.paymentLink.json())
        #expect(
            link.url == "https://sangeekp-15t6ai--payment_links_ingress-mydev.dev.stripe.me/test_eVa16Q1Vd7yU1Ne8ww")
        #expect(link.active)
    }

    @Test("a PaymentIntent's customer decodes as an id, an expanded customer, or a deleted one")
    func expandableCustomer() throws {
        let asID = try decode(PaymentIntent.self, StripeShape.paymentIntent.json(["customer": "cus_1"]))
        #expect(asID.customer?.id == "cus_1")
        #expect(asID.customer?.object == nil)

        let customer = StripeShape.customer.json(["id": "cus_2", "email": "a@b.c"])
        let expanded = try decode(PaymentIntent.self, StripeShape.paymentIntent.json(["customer": customer]))
        #expect(expanded.customer?.id == "cus_2")
        #expect(expanded.customer?.object?.email == "a@b.c")

        let deleted = StripeShape.deletedCustomer.json(["id": "cus_3"])
        let gone = try decode(PaymentIntent.self, StripeShape.paymentIntent.json(["customer": deleted]))
        #expect(gone.customer?.id == "cus_3")
        #expect(gone.customer?.object?.deleted == true)
    }

    @Test("a refund's payment_intent and charge decode as ids or as the expanded objects")
    func expandableRefund() throws {
        let asIDs = try decode(Refund.self, StripeShape.refund.json(["payment_intent": "pi_1"]))
        #expect(asIDs.paymentIntent?.id == "pi_1")
        #expect(asIDs.paymentIntent?.object == nil)
        #expect(asIDs.charge?.id == "ch_1PgafuB7WZ01zgkWXYmPNZs8")
        #expect(asIDs.charge?.object == nil)

        let charge = StripeShape.charge.json(["id": "ch_2", "amount_refunded": 100, "payment_intent": "pi_2"])
        let intent = StripeShape.paymentIntent.json(["id": "pi_2", "latest_charge": charge, "customer": "cus_1"])
        let expanded = try decode(Refund.self, StripeShape.refund.json(["payment_intent": intent, "charge": charge]))
        #expect(expanded.paymentIntent?.id == "pi_2")
        #expect(expanded.paymentIntent?.object?.customer?.id == "cus_1")
        #expect(expanded.paymentIntent?.object?.latestCharge?.object?.amountRefunded == 100)
        #expect(expanded.charge?.id == "ch_2")
        #expect(expanded.charge?.object?.paymentIntent?.id == "pi_2")
    }

    @Test("a charge's payment_intent decodes as an id or as the expanded PaymentIntent")
    func expandableCharge() throws {
        let asID = try decode(Charge.self, StripeShape.charge.json(["payment_intent": "pi_1"]))
        #expect(asID.paymentIntent?.id == "pi_1")
        #expect(asID.paymentIntent?.object == nil)

        let intent = StripeShape.paymentIntent.json(["id": "pi_2", "amount": 700])
        let expanded = try decode(Charge.self, StripeShape.charge.json(["payment_intent": intent]))
        #expect(expanded.paymentIntent?.id == "pi_2")
        #expect(expanded.paymentIntent?.object?.amount == 700)
    }

    @Test("a price's product decodes as an id or as the expanded Product")
    func expandableProduct() throws {
        let expanded = try decode(Price.self, StripeShape.price.json(["product": StripeShape.product.json()]))
        #expect(expanded.product.id == "prod_QXg1hqf4jFNsqG")
        #expect(expanded.product.object?.name == "T-shirt")
        #expect(expanded.product.object?.active == true)
    }

    @Test("an expandable field that is neither an id nor the object names the field that failed")
    func expandableMismatch() throws {
        let error = #expect(throws: DecodingError.self) {
            try decode(Refund.self, StripeShape.refund.json(["charge": ["object": "charge"]]))
        }
        guard case .keyNotFound(let key, let context) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["charge"])
        #expect(key.stringValue == "id")
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
