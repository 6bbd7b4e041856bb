import PaymentCore
import StripeClient
import Testing

@Suite("create_payment_link creates one link per distinct request")
struct PaymentLinkTests {
    @Test("a link is created from a price")
    func success() async throws {
        let world = try TestWorld()

        let link = try await world.service.createPaymentLink(amountCents: 2500, description: " Consulting hour ")

        #expect(link.url.hasPrefix("https://buy.stripe.com/test_plink_"))
        #expect(link.amountCents == 2500)
        #expect(link.currency == "usd")
        #expect(link.quantity == 1)
        #expect(link.description == "Consulting hour")
        guard case .createPrice(2500, "usd", "Consulting hour", let priceKey) = world.gateway.writes.first,
            case .createPaymentLink(link.priceID, 1, let linkKey) = world.gateway.writes.last
        else {
            Issue.record("unexpected calls \(world.gateway.writes)")
            return
        }
        #expect(priceKey.hasPrefix("payment-ops-price-"))
        #expect(linkKey == "payment-ops-link-" + priceKey.dropFirst("payment-ops-price-".count))
    }

    @Test("a retried identical call reuses the idempotency keys; a different one does not")
    func idempotent() async throws {
        let world = try TestWorld()
        let first = try await world.service.createPaymentLink(amountCents: 2500, description: "Hour", quantity: 2)
        world.clock.advance(by: 60)
        let retry = try await world.service.createPaymentLink(amountCents: 2500, description: "Hour", quantity: 2)
        let other = try await world.service.createPaymentLink(amountCents: 2501, description: "Hour", quantity: 2)

        #expect(retry.paymentLinkID == first.paymentLinkID)
        #expect(other.paymentLinkID != first.paymentLinkID)
        #expect(first.amountCents == 2500 && first.quantity == 2)
    }

    @Test("the idempotency keys are the same in every process and release")
    func stableKeys() async throws {
        let world = try TestWorld()

        _ = try await world.service.createPaymentLink(amountCents: 2500, description: "Hour", quantity: 2)

        #expect(
            world.gateway.writes.first
                == .createPrice(
                    amount: 2500, currency: "usd", productName: "Hour",
                    idempotencyKey: "payment-ops-price-7cf1d2fcc6fb68857e1b2b83b7c10068"))
    }

    @Test("a retry in the next ten-minute window creates a second, equivalent link")
    func nextWindow() async throws {
        let world = try TestWorld()
        world.clock.advance(by: 599)
        let first = try await world.service.createPaymentLink(amountCents: 2500, description: "Hour")
        world.clock.advance(by: 1)
        let retry = try await world.service.createPaymentLink(amountCents: 2500, description: "Hour")

        #expect(retry.paymentLinkID != first.paymentLinkID)
        #expect(retry.priceID != first.priceID)
        #expect(retry.amountCents == first.amountCents)
    }

    @Test("a Stripe failure is explained")
    func stripeFailure() async throws {
        let world = try TestWorld()
        world.gateway.fail(
            "createPrice",
            with: StripeError(
                kind: .api, message: "Invalid API Key provided: sk_test_****1234", httpStatus: 401,
                type: "invalid_request_error", requestID: "req_401", requestWasNotApplied: true))

        let error = await #expect(throws: PaymentError.self) {
            try await world.service.createPaymentLink(amountCents: 2500, description: "Hour")
        }

        #expect(
            error?.message
                == "Could not create the price for the payment link: Stripe rejected the API key. Check STRIPE_API_KEY. "
                + "Stripe said: \"Invalid API Key provided: sk_test_****1234\" (Stripe request req_401)")
        #expect((error?.gatewayError?.underlying as? StripeError)?.httpStatus == 401)
    }

    @Test("arguments are checked before Stripe is called")
    func validation() async throws {
        let world = try TestWorld()
        let cases: [(Int, String, String, Int, String)] = [
            (
                0, "Hour", "usd", 1,
                "amount_cents must be a whole number of the currency's smallest unit, from 1 to "
                    + "99,999,999 (4999 is $49.99)."
            ),
            (
                100_000_000, "Hour", "usd", 1,
                "amount_cents must be a whole number of the currency's smallest unit, "
                    + "from 1 to 99,999,999 (4999 is $49.99)."
            ),
            (100, "  ", "usd", 1, "description must be 1 to 250 characters: what the customer is paying for."),
            (
                100, String(repeating: "x", count: 251), "usd", 1,
                "description must be 1 to 250 characters: what the customer is paying for."
            ),
            (100, "Hour", "us", 1, "currency must be a three-letter ISO 4217 code, such as usd or eur."),
            (100, "Hour", "usd", 100, "quantity must be between 1 and 99."),
        ]
        for (amount, description, currency, quantity, message) in cases {
            let error = await #expect(throws: PaymentError.self) {
                try await world.service.createPaymentLink(
                    amountCents: amount, description: description, currency: currency, quantity: quantity)
            }
            #expect(error?.message == message)
        }
        #expect(
            try await world.service.createPaymentLink(amountCents: 99_999_999, description: "Max", currency: "EUR")
                .currency == "eur")
        #expect(world.gateway.writes.count == 2)
    }

    @Test("without Stripe configured the tool says how to configure it")
    func notConfigured() async throws {
        let world = try TestWorld(stripe: false)
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.createPaymentLink(amountCents: 2500, description: "Hour")
        }
        #expect(error?.kind == .stripeNotConfigured)
    }
}
