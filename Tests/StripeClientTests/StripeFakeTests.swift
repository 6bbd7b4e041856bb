import DynamicJSON
import StripeClient
import StripeFake
import Testing

/// The in-memory Stripe's rules, which server and end-to-end tests rely on.
@Suite("StripeFake's in-memory Stripe")
struct StripeFakeTests {
    @Test("a refund larger than what remains is refused as Stripe refuses it")
    func refundTooLarge() async throws {
        let harness = try Harness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        harness.fake.addRefund(paymentIntentID: intent, amount: 600)
        let error = await stripeError {
            try await harness.client.createRefund(
                paymentIntentID: intent, amount: 500, reason: nil, metadata: [:], idempotencyKey: "r")
        }
        #expect(error?.httpStatus == 400)
        #expect(error?.code == "amount_too_large")
        #expect(error?.param == "amount")
        #expect(error?.message == "Refund amount (500) is greater than unrefunded amount on charge (400)")
    }

    @Test("a fully refunded charge cannot be refunded again, and shows as refunded")
    func alreadyRefunded() async throws {
        let harness = try Harness()
        let intent = harness.fake.addPaymentIntent(customerID: nil, amount: 1000)
        _ = try await harness.client.createRefund(
            paymentIntentID: intent, amount: 1000, reason: "fraudulent", metadata: [:], idempotencyKey: "r1")
        let charge = try await harness.client.paymentIntent(id: intent).latestCharge?.object
        #expect(charge?.refunded == true)
        #expect(charge?.amountRefunded == 1000)
        let error = await stripeError {
            try await harness.client.createRefund(
                paymentIntentID: intent, amount: 1, reason: nil, metadata: [:], idempotencyKey: "r2")
        }
        #expect(error?.code == "charge_already_refunded")
    }

    @Test("an idempotency key reused with other parameters is refused")
    func idempotencyMismatch() async throws {
        let harness = try Harness()
        _ = try await harness.client.createCustomer(email: "a@b.c", name: "A", metadata: [:], idempotencyKey: "same")
        let error = await stripeError {
            try await harness.client.createCustomer(email: "x@y.z", name: "X", metadata: [:], idempotencyKey: "same")
        }
        #expect(error?.type == "idempotency_error")
        #expect(error?.httpStatus == 400)
        #expect(harness.fake.objects(ofKind: "customer").count == 1)
    }

    @Test("a declined test card answers 402 with a decline code")
    func declinedCard() async throws {
        let harness = try Harness()
        let customer = harness.fake.addCustomer(email: "a@b.c", name: "A")
        let error = await stripeError {
            try await harness.client.createConfirmedPaymentIntent(
                customerID: customer, amount: 100, currency: "usd", paymentMethod: "pm_card_chargeDeclined",
                description: nil, metadata: [:], idempotencyKey: "pi")
        }
        #expect(error?.httpStatus == 402)
        #expect(error?.type == "card_error")
        #expect(error?.declineCode == "generic_decline")
    }

    @Test("unknown ids and paths answer Stripe's 404s")
    func notFound() async throws {
        let harness = try Harness()
        let missing = await stripeError { try await harness.client.paymentIntent(id: "pi_nope") }
        #expect(missing?.code == "resource_missing")
        #expect(missing?.message == "No such payment_intent: 'pi_nope'")
        let unknown = await stripeError {
            try await harness.client.send(StripeRequest(method: .get, path: "/v1/nothing"), as: StripeCustomer.self)
        }
        #expect(unknown?.httpStatus == 404)
        #expect(unknown?.message.hasPrefix("Unrecognized request URL (GET: /v1/nothing).") == true)
    }

    @Test("every object is Stripe's full test-mode shape")
    func fullShapes() throws {
        let fake = try StripeFake.start()
        defer { fake.stop() }
        let customer = fake.addCustomer(email: "a@b.c", name: "A")
        let intent = fake.addPaymentIntent(customerID: customer, amount: 100)
        let refund = try #require(fake.addRefund(paymentIntentID: intent, amount: 10))
        for (id, shape) in [(customer, StripeShape.customer), (intent, .paymentIntent), (refund, .refund)] {
            let object = try #require(fake.object(id: id))
            guard case .object(let members) = object, case .object(let example) = shape.json() else {
                Issue.record("\(id) is not an object")
                continue
            }
            #expect(Set(members.keys) == Set(example.keys))
            #expect(object["object"] == shape.json()["object"])
        }
        #expect(fake.object(id: customer)?["livemode"] == false)
        #expect(fake.object(id: intent)?["livemode"] == false)
    }
}
