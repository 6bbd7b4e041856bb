import PaymentCore
import Testing

@Suite("Money is shown with each currency's own exponent")
struct MoneyTests {
    @Test(
        "two-decimal currencies with their symbols",
        arguments: [
            (4999, "usd", "$49.99"), (1250, "eur", "€12.50"), (5, "gbp", "£0.05"), (0, "usd", "$0.00"),
            (123_456_789, "usd", "$1,234,567.89"), (1999, "cad", "19.99 CAD"), (-300, "usd", "-$3.00"),
        ])
    func twoDecimals(amount: Int, currency: String, expected: String) {
        #expect(Money(amount: amount, currency: currency).formatted == expected)
    }

    @Test("the currency code is kept lower-cased, whatever case it arrives in")
    func lowerCasedCode() {
        #expect(
            ["usd", "UsD", "EUR", "ÉUR", "kwd"].map { Money(amount: 1, currency: $0).currency } == [
                "usd", "usd", "eur", "éur", "kwd",
            ])
    }

    @Test(
        "zero-decimal currencies have no fraction",
        arguments: [
            (5000, "jpy", "¥5,000"), (5000, "JPY", "¥5,000"), (1_500_000, "krw", "1,500,000 KRW"),
            (700, "clp", "700 CLP"),
            (999, "xof", "999 XOF"), (12_345, "vnd", "12,345 VND"),
        ])
    func zeroDecimals(amount: Int, currency: String, expected: String) {
        #expect(Money(amount: amount, currency: currency).formatted == expected)
    }

    @Test(
        "three-decimal currencies show three places",
        arguments: [
            (1000, "kwd", "1.000 KWD"), (1_234_567, "bhd", "1,234.567 BHD"), (5, "tnd", "0.005 TND"),
            (10_050, "omr", "10.050 OMR"), (999, "jod", "0.999 JOD"),
        ])
    func threeDecimals(amount: Int, currency: String, expected: String) {
        #expect(Money(amount: amount, currency: currency).formatted == expected)
    }

    @Test("exponents follow Stripe's lists")
    func exponents() {
        #expect(Money.exponent(of: "usd") == 2)
        #expect(Money.exponent(of: "JPY") == 0)
        #expect(Money.exponent(of: "xpf") == 0)
        #expect(Money.exponent(of: "kwd") == 3)
    }
}
