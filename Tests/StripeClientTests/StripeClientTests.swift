import StripeClient
import StripeFake
import Testing

@Suite("StripeClient over HTTP")
struct StripeClientTests {
    @Test("a call sends Stripe's headers: bearer key, pinned version, user agents")
    func headers() async throws {
        let harness = try Harness()
        let id = harness.fake.addCustomer(email: "ada@example.com", name: "Ada")
        _ = try await harness.client.customer(id: id)
        let request = try #require(harness.onlyRequest)
        #expect(request.header("Authorization") == "Bearer \(testKey)")
        #expect(request.header("Stripe-Version") == "2026-10-28.endive")
        #expect(request.header("User-Agent") == "payment-ops/1.2.3")
        #expect(
            request.header("X-Stripe-Client-User-Agent")
                == #"{"bindings_version":"1.2.3","httplib":"libcurl","lang":"swift","publisher":"payment-ops"}"#)
        #expect(request.header("Accept") == "application/json")
        #expect(request.header("Content-Type") == nil)
        #expect(request.header("Idempotency-Key") == nil)
    }
}
