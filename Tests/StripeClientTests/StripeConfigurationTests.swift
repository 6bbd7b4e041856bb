import StripeClient
import Testing

@Suite("StripeConfiguration")
struct StripeConfigurationTests {
    @Test("defaults are Stripe's SDK defaults")
    func defaults() throws {
        let configuration = try StripeConfiguration(apiKey: "rk_test_abc")
        #expect(configuration.apiBase == .stripe)
        #expect(configuration.connectTimeout == .seconds(30))
        #expect(configuration.totalTimeout == .seconds(80))
        #expect(configuration.retryPolicy.maxRetries == 2)
        #expect(configuration.retryPolicy.initialDelay == .milliseconds(500))
        #expect(configuration.retryPolicy.maxDelay == .seconds(5))
        #expect(!configuration.allowLive)
    }

    @Test("a live key is refused unless live mode is allowed")
    func liveRefused() throws {
        #expect {
            try StripeConfiguration(apiKey: "rk_live_abc")
        } throws: { error in
            let error = error as? StripeError
            return error?.kind == .liveModeRefused
                && error?.message
                    == "A live-mode key (rk_live_…) was given but live mode is not allowed: use a test-mode key "
                    + "(sk_test_… or rk_test_…), or allow live mode explicitly."
        }
        #expect(try StripeConfiguration(apiKey: "rk_live_abc", allowLive: true).key.mode == .live)
    }

    @Test("a bad base URL or timeout is refused")
    func invalidSettings() {
        #expect(throws: StripeError.self) {
            try StripeConfiguration(apiKey: "sk_test_1", apiBase: "http://example.com")
        }
        #expect(throws: StripeError.self) { try StripeConfiguration(apiKey: "sk_test_1", totalTimeout: .zero) }
        #expect(throws: StripeError.self) { try StripeConfiguration(apiKey: "sk_test_1", maxRetries: -1) }
    }

    @Test("printing or dumping a configuration never shows the key")
    func keyNotPrinted() throws {
        let configuration = try StripeConfiguration(apiKey: testKey)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped] {
            #expect(!text.contains(testKey))
            #expect(text.contains("sk_test_…"))
        }
    }
}
