import StripeClient
import Testing

@Suite("StripeKey")
struct StripeKeyTests {
    @Test(
        "secret and restricted keys are classified by mode",
        arguments: [
            ("sk_test_abc123", StripeKey.Kind.secret, StripeKey.Mode.test, "sk_test_…"),
            ("rk_test_abc123", .restricted, .test, "rk_test_…"),
            ("sk_live_abc123", .secret, .live, "sk_live_…"),
            ("rk_live_abc123", .restricted, .live, "rk_live_…"),
        ])
    func classification(key: String, kind: StripeKey.Kind, mode: StripeKey.Mode, prefix: String) throws {
        let parsed = try StripeKey(key)
        #expect(parsed.kind == kind)
        #expect(parsed.mode == mode)
        #expect(parsed.displayPrefix == prefix)
    }

    @Test("a publishable key is refused with a message naming the keys that work")
    func publishable() {
        #expect {
            try StripeKey("pk_test_abc123")
        } throws: { error in
            let error = error as? StripeError
            return error?.kind == .invalidKey
                && error?.message
                    == "A publishable key (pk_test_…) cannot call Stripe's API from a server: use a secret (sk_…) "
                    + "or restricted (rk_…) key."
        }
    }

    @Test(
        "anything else is refused without repeating it",
        arguments: ["whsec_abc123", "sk_abc", "mk_test_123", "sk_prod_x", "sk_test_"])
    func otherKeys(key: String) {
        #expect {
            try StripeKey(key)
        } throws: { error in
            let error = error as? StripeError
            return error?.kind == .invalidKey
                && error?.message
                    == "The Stripe API key is not a secret (sk_…) or restricted (rk_…) key; use one from the "
                    + "dashboard's API keys page."
                && error?.description.contains(key) == false
        }
    }

    @Test("a missing key says that no key is configured")
    func missing() {
        #expect {
            try StripeKey("  \n")
        } throws: { error in
            (error as? StripeError)?.kind == .notConfigured
                && (error as? StripeError)?.message
                    == "No Stripe API key is configured: a secret (sk_test_…) or restricted (rk_test_…) key is needed."
        }
    }

    @Test("surrounding whitespace from a .env file is ignored")
    func trimming() throws {
        #expect(try StripeKey(" rk_test_abc123\n").mode == .test)
    }

    @Test("printing, debug-printing or dumping a key shows only its prefix")
    func neverPrinted() throws {
        let key = try StripeKey("sk_test_51SecretValue")
        var dumped = ""
        dump(key, to: &dumped)
        #expect("\(key)" == "sk_test_…")
        #expect(String(reflecting: key) == "StripeKey(sk_test_…)")
        #expect(!dumped.contains("SecretValue"))
    }

    @Test("key-shaped words in messages are cut to their prefix")
    func redaction() {
        #expect(
            StripeKey.redact("Invalid API Key provided: sk_test_****abcd")
                == "Invalid API Key provided: sk_test_…")
        #expect(
            StripeKey.redact("The provided key 'rk_live_****1234' does not have the required permissions.")
                == "The provided key 'rk_live_…' does not have the required permissions.")
        #expect(StripeKey.redact("pk_test_x,sk_live_y") == "pk_test_…,sk_live_…")
        #expect(StripeKey.redact("task_test_runner and sk_test_ stay") == "task_test_runner and sk_test_ stay")
    }
}
