import DynamicJSON
import PaymentCore
import StripeClient
import StripeFake

/// The loopback Stripe fake and a real `StripeClient` pointed at it, behind the production gateway.
final class StripeFixture: Sendable {
    /// A test-mode key; the fake accepts any.
    static let key = "sk_test_51CatalogTestsKey000000000000abcd"

    let fake: StripeFake
    let gateway: StripeGateway

    init() throws {
        fake = try StripeFake.start()
        gateway = StripeGateway(
            client: StripeClient(
                configuration: try StripeConfiguration(
                    apiKey: Self.key, apiBase: fake.baseURL, maxRetries: 0, userAgentVersion: "test")))
    }

    deinit { fake.stop() }

    /// Where the fake listens, for `STRIPE_API_BASE`.
    var baseURL: String { fake.baseURL }

    /// Adds a Stripe customer; returns `cus_…`.
    func addCustomer(email: String, name: String) -> String {
        fake.addCustomer(email: email, name: name)
    }

    /// Turns a customer into Stripe's deleted stub.
    func deleteCustomer(id: String) {
        fake.deleteCustomer(id: id)
    }

    /// Adds a succeeded PaymentIntent with its charge; returns `pi_…`.
    func addPaymentIntent(customerID: String?, amount: Int, currency: String) -> String {
        fake.addPaymentIntent(customerID: customerID, amount: amount, currency: currency)
    }

    /// How many objects of a kind (`customer`, `payment_intent`, …) Stripe holds.
    func count(ofKind kind: String) -> Int { fake.objects(ofKind: kind).count }

    /// How many refunds Stripe holds.
    var refundCount: Int { count(ofKind: "refund") }

    /// The PaymentIntents Stripe's refunds were made on, in order.
    var refundedPaymentIntents: [String] {
        fake.objects(ofKind: "refund").compactMap { $0["payment_intent"]?.stringValue }
    }

    /// How many payment links Stripe holds.
    var paymentLinkCount: Int { count(ofKind: "payment_link") }

    /// The amounts of Stripe's refunds.
    var refundAmounts: [Int] { fake.objects(ofKind: "refund").compactMap { $0["amount"]?.intValue } }

    /// How many requests that may change something (POST) reached Stripe.
    var writeCount: Int { fake.requests.filter { $0.method == "POST" }.count }
}
