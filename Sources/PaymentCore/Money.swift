/// An amount of money: an integer count of the currency's smallest unit, and the currency it is in.
///
/// Stripe and the orders database both count in minor units (cents for usd, yen for jpy, fils for kwd), so
/// nothing in payment-ops ever holds money as a floating-point number.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// The amount in the currency's smallest unit.
    public var amount: Int
    /// Lower-case ISO 4217 code, as Stripe spells it.
    public var currency: String

    /// Creates an amount of money; the currency code is lower-cased.
    public init(amount: Int, currency: String) {
        self.amount = amount
        self.currency = currency.lowercased()
    }

    /// Currencies without a minor unit: Stripe takes 5000 jpy to mean ¥5,000.
    static let zeroDecimalCurrencies: Set<String> = [
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
        "xpf",
    ]

    /// Currencies with three decimal places: 1000 kwd is 1.000 KWD.
    static let threeDecimalCurrencies: Set<String> = ["bhd", "jod", "kwd", "omr", "tnd"]

    /// Symbols worth showing instead of the code; every other currency is shown by its upper-case code.
    static let symbols: [String: String] = ["usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"]

    /// How many decimal places the currency's minor unit has: 0, 2 or 3.
    public static func exponent(of currency: String) -> Int {
        let code = currency.lowercased()
        if zeroDecimalCurrencies.contains(code) { return 0 }
        if threeDecimalCurrencies.contains(code) { return 3 }
        return 2
    }

    /// The amount written for a person: `$49.99`, `¥5,000`, `1.000 KWD`, `€12.50`, `-$3.00`.
    public var formatted: String {
        let exponent = Money.exponent(of: currency)
        let magnitude = amount.magnitude
        var divisor: UInt = 1
        for _ in 0..<exponent { divisor *= 10 }
        var number = Money.groupThousands(magnitude / divisor)
        if exponent > 0 {
            let fraction = String(magnitude % divisor)
            number += "." + String(repeating: "0", count: exponent - fraction.count) + fraction
        }
        let sign = amount < 0 ? "-" : ""
        if let symbol = Money.symbols[currency] {
            return sign + symbol + number
        }
        return sign + number + " " + currency.uppercased()
    }

    /// Same as `formatted`.
    public var description: String { formatted }

    /// Writes a whole number with a comma between each group of three digits.
    private static func groupThousands(_ value: UInt) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
