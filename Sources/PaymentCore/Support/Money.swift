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
        // Codes almost always arrive lower-cased already, and answers make three of these per order.
        let isLowercased = currency.utf8.allSatisfy {
            $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
        }
        self.currency = isLowercased ? currency : currency.lowercased()
    }

    /// How many decimal places the currency's minor unit has: 0, 2 or 3.
    public static func exponent(of currency: String) -> Int {
        exponent(ofLowercased: currency.lowercased())
    }

    /// Stripe's lists, as switches: three amounts per order line made hashing into sets a cost of its own.
    private static func exponent(ofLowercased code: String) -> Int {
        switch code {
        // A switch on strings compares case by case: the common currencies first spare them twenty comparisons.
        case "usd", "eur", "gbp": 2
        // No minor unit: Stripe takes 5000 jpy to mean ¥5,000.
        case "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf",
            "xof", "xpf":
            0
        // Three decimal places: 1000 kwd is 1.000 KWD.
        case "bhd", "jod", "kwd", "omr", "tnd": 3
        default: 2
        }
    }

    /// The symbol worth showing instead of the code; every other currency is shown by its upper-case code.
    private static func symbol(ofLowercased code: String) -> String? {
        switch code {
        case "usd": "$"
        case "eur": "€"
        case "gbp": "£"
        case "jpy": "¥"
        default: nil
        }
    }

    /// The amount written for a person: `$49.99`, `¥5,000`, `1.000 KWD`, `€12.50`, `-$3.00`.
    ///
    /// Written into bytes: order histories format three amounts per line, and going through `Character`s made that
    /// a tenth of the request. Most results fit a small string, which needs no allocation of its own.
    public var formatted: String {
        let symbol = Money.symbol(ofLowercased: currency)
        let code = symbol == nil ? " " + currency.uppercased() : ""
        // A sign, a symbol of up to 3 bytes, 20 digits, 6 commas, a point, and the code.
        return String(unsafeUninitializedCapacity: 31 + code.utf8.count) { buffer in
            var count = 0
            func append(_ bytes: some Collection<UInt8>) {
                for byte in bytes {
                    buffer[count] = byte
                    count += 1
                }
            }
            if amount < 0 { append(CollectionOfOne(UInt8(ascii: "-"))) }
            if let symbol { append(symbol.utf8) }
            Money.withDigits(amount.magnitude, exponent: Money.exponent(ofLowercased: currency)) { append($0) }
            append(code.utf8)
            return count
        }
    }

    /// Same as `formatted`.
    public var description: String { formatted }

    /// Calls `body` with the magnitude in major units, with a comma between each group of three whole digits and
    /// `exponent` decimal places: 123456 with exponent 2 is `1,234.56`.
    private static func withDigits(
        _ magnitude: UInt, exponent: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        // 20 digits, 6 commas and a point at most. Written right to left.
        let capacity = 32
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            var rest = magnitude
            func prepend(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            for _ in 0..<exponent {
                prepend(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            if exponent > 0 { prepend(UInt8(ascii: ".")) }
            var wholeDigits = 0
            repeat {
                if wholeDigits > 0 && wholeDigits % 3 == 0 { prepend(UInt8(ascii: ",")) }
                prepend(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
                wholeDigits += 1
            } while rest > 0
            body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }
}
