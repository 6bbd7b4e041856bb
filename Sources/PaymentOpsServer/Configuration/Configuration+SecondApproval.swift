import PaymentCore
import Whitespace

extension Configuration {
    /// The setting that turns second approvals on.
    static let secondApprovalSetting = "PAYMENT_OPS_SECOND_APPROVAL_OVER"

    /// Reads `PAYMENT_OPS_SECOND_APPROVAL_OVER`: comma-separated `CURRENCY:AMOUNT` pairs in minor units, with `*`
    /// for every currency not named, such as `usd:20000,eur:20000,*:50000`.
    ///
    /// - Throws: `ConfigurationError` with one line for an entry of another form, an amount that is not a whole
    ///   number of 0 or more, or a currency (or `*`) named twice.
    static func secondApprovalPolicy(_ text: String) throws(ConfigurationError) -> SecondApprovalPolicy {
        let name = secondApprovalSetting
        var limits: [String: Int] = [:]
        var others: Int?
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            let currency = parts.first.map { String($0).trimmingWhitespace().lowercased() } ?? ""
            let isCurrency =
                currency == "*" || (currency.count == 3 && currency.allSatisfy { $0.isASCII && $0.isLetter })
            guard parts.count == 2, isCurrency else {
                throw ConfigurationError(
                    "\(name): \"\(String(entry).trimmingWhitespace())\" is not CURRENCY:AMOUNT; write it as "
                        + "usd:20000,eur:20000,*:50000 (minor units; * for every other currency)")
            }
            let amountText = String(parts[1]).trimmingWhitespace()
            guard let amount = Int(amountText), amount >= 0 else {
                throw ConfigurationError(
                    "\(name): the amount for \(currency) must be a whole number of minor units, 0 or more, not "
                        + "\"\(amountText)\"")
            }
            guard currency == "*" ? others == nil : limits[currency] == nil else {
                throw ConfigurationError("\(name) names \(currency) twice; give each currency one amount")
            }
            if currency == "*" { others = amount } else { limits[currency] = amount }
        }
        return SecondApprovalPolicy(limits: limits, otherCurrencies: others)
    }
}
