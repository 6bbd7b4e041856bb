import PaymentCore
import Testing

@testable import PaymentOpsMCP
@testable import PaymentOpsServer

@Suite("Configuration from the environment and .env")
struct ConfigurationTests {
    @Test("every setting but the Stripe key has a default")
    func defaults() throws {
        let configuration = try Configuration(environment: [:])
        #expect(configuration.stripeAPIKey == nil)
        #expect(configuration.databaseURL == "sqlite:///./payments.db")
        #expect(configuration.stripeAPIBase == "https://api.stripe.com")
        #expect(configuration.allowLive == false)
        #expect(configuration.refundWindowDays == 90)
        #expect(configuration.actor == "ai-assistant")
        #expect(configuration.logLevel == .info)
    }

    @Test("the environment wins over the .env file, which fills the gaps")
    func environmentWins() throws {
        let configuration = try Configuration(
            environment: ["STRIPE_API_KEY": "rk_test_env", "REFUND_WINDOW_DAYS": " 30 "],
            dotEnv: ["STRIPE_API_KEY": "rk_test_file", "PAYMENT_OPS_ACTOR": "alice", "LOG_LEVEL": "WARNING"])
        #expect(configuration.stripeAPIKey == "rk_test_env")
        #expect(configuration.refundWindowDays == 30)
        #expect(configuration.actor == "alice")
        #expect(configuration.logLevel == .warning)
    }

    @Test("an empty value counts as unset")
    func emptyIsUnset() throws {
        let configuration = try Configuration(environment: ["STRIPE_API_KEY": "", "DATABASE_URL": "  "])
        #expect(configuration.stripeAPIKey == nil)
        #expect(configuration.databaseURL == "sqlite:///./payments.db")
    }

    @Test("bad values are refused with one line naming the setting")
    func badValues() {
        #expect(throws: ConfigurationError("PAYMENT_OPS_ALLOW_LIVE must be 1 or unset, not \"yes\"")) {
            try Configuration(environment: ["PAYMENT_OPS_ALLOW_LIVE": "yes"])
        }
        #expect(
            throws: ConfigurationError("REFUND_WINDOW_DAYS must be a whole number of days from 1 to 3650, not \"-5\"")
        ) {
            try Configuration(environment: ["REFUND_WINDOW_DAYS": "-5"])
        }
        #expect(throws: ConfigurationError("LOG_LEVEL must be debug, info, warning or error, not \"loud\"")) {
            try Configuration(environment: ["LOG_LEVEL": "loud"])
        }
        #expect(throws: ConfigurationError("PAYMENT_OPS_ACTOR must be at most 100 characters")) {
            try Configuration(environment: ["PAYMENT_OPS_ACTOR": String(repeating: "x", count: 101)])
        }
    }

    @Test("PAYMENT_OPS_SECOND_APPROVAL_OVER sets limits per currency and for the rest; unset, it is off")
    func secondApproval() throws {
        #expect(try Configuration(environment: [:]).secondApproval == nil)
        #expect(try Configuration(environment: [:]).policy.secondApproval == nil)
        let configuration = try Configuration(
            environment: ["PAYMENT_OPS_SECOND_APPROVAL_OVER": " USD:20000, eur:20000 ,*:50000 "])
        let policy = try #require(configuration.policy.secondApproval)
        #expect(policy.limits == ["usd": 20_000, "eur": 20_000])
        #expect(policy.otherCurrencies == 50_000)
        #expect(policy.limit(for: "USD") == 20_000)
        #expect(policy.limit(for: "jpy") == 50_000)
        #expect(policy.requestLifetime == .seconds(86_400))
        let usdOnly = try Configuration(environment: ["PAYMENT_OPS_SECOND_APPROVAL_OVER": "usd:0"]).secondApproval
        #expect(usdOnly?.limit(for: "usd") == 0)
        #expect(usdOnly?.limit(for: "eur") == nil)
    }

    @Test(
        "a bad PAYMENT_OPS_SECOND_APPROVAL_OVER is refused with one line",
        arguments: [
            (
                "usd=20000",
                "PAYMENT_OPS_SECOND_APPROVAL_OVER: \"usd=20000\" is not CURRENCY:AMOUNT; write it as "
                    + "usd:20000,eur:20000,*:50000 (minor units; * for every other currency)"
            ),
            (
                "usd:1,,eur:2",
                "PAYMENT_OPS_SECOND_APPROVAL_OVER: \"\" is not CURRENCY:AMOUNT; write it as "
                    + "usd:20000,eur:20000,*:50000 (minor units; * for every other currency)"
            ),
            (
                "dollars:5",
                "PAYMENT_OPS_SECOND_APPROVAL_OVER: \"dollars:5\" is not CURRENCY:AMOUNT; write it as "
                    + "usd:20000,eur:20000,*:50000 (minor units; * for every other currency)"
            ),
            (
                "usd:-5",
                "PAYMENT_OPS_SECOND_APPROVAL_OVER: the amount for usd must be a whole number of minor units, 0 or "
                    + "more, not \"-5\""
            ),
            (
                "usd:200.00",
                "PAYMENT_OPS_SECOND_APPROVAL_OVER: the amount for usd must be a whole number of minor units, 0 or "
                    + "more, not \"200.00\""
            ),
            (
                "usd:1,USD:2",
                "PAYMENT_OPS_SECOND_APPROVAL_OVER names usd twice; give each currency one amount"
            ),
            ("*:1,*:2", "PAYMENT_OPS_SECOND_APPROVAL_OVER names * twice; give each currency one amount"),
        ])
    func badSecondApproval(value: String, message: String) {
        #expect(throws: ConfigurationError(message)) {
            try Configuration(environment: ["PAYMENT_OPS_SECOND_APPROVAL_OVER": value])
        }
    }

    @Test("live mode is allowed only by PAYMENT_OPS_ALLOW_LIVE=1")
    func liveMode() throws {
        #expect(try Configuration(environment: ["PAYMENT_OPS_ALLOW_LIVE": "1"]).allowLive)
        #expect(try !Configuration(environment: ["PAYMENT_OPS_ALLOW_LIVE": "0"]).allowLive)
    }

    @Test("a missing --env-file is an error, a missing ./.env is not")
    func envFile() throws {
        #expect(throws: ConfigurationError("--env-file /nonexistent/payment-ops.env: no such readable file")) {
            try Configuration.load(envFile: "/nonexistent/payment-ops.env")
        }
    }
}
