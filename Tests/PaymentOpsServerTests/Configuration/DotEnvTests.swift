import Testing

@testable import PaymentOpsMCP
@testable import PaymentOpsServer

@Suite("Reading .env files")
struct DotEnvTests {
    @Test("comments, blank lines, export prefixes, quotes and inline comments are understood")
    func parsesTheUsualForms() throws {
        let text = """
            # Stripe
            STRIPE_API_KEY=rk_test_abc

            export DATABASE_URL = sqlite:////var/lib/payments.db
            PAYMENT_OPS_ACTOR="support team #2"
            LOG_LEVEL=debug # chatty while we set up
            NOTE='single \\n stays'
            MULTI="line\\nbreak"
            """
        let values = try DotEnv.parse(text, source: ".env")
        #expect(
            values == [
                "STRIPE_API_KEY": "rk_test_abc",
                "DATABASE_URL": "sqlite:////var/lib/payments.db",
                "PAYMENT_OPS_ACTOR": "support team #2",
                "LOG_LEVEL": "debug",
                "NOTE": "single \\n stays",
                "MULTI": "line\nbreak",
            ])
    }

    @Test("a line that is not KEY=value is reported with its number")
    func rejectsGarbage() {
        #expect(throws: ConfigurationError(".env:2: expected KEY=value")) {
            try DotEnv.parse("A=1\nthis is not a setting\n", source: ".env")
        }
        #expect(throws: ConfigurationError("custom.env:1: expected KEY=value")) {
            try DotEnv.parse("1ABC=2", source: "custom.env")
        }
    }

    @Test("an unterminated quote is reported")
    func rejectsUnterminatedQuote() {
        #expect(throws: ConfigurationError(".env:1: the value's closing \" is missing")) {
            try DotEnv.parse("STRIPE_API_KEY=\"rk_test_abc", source: ".env")
        }
    }
}
