import DynamicJSON
import PaymentCore

/// `revenue_summary`'s answer.
extension RevenueSummary: ToolAnswer {
    /// A short rendering: one line per currency.
    var text: String {
        guard !currencies.isEmpty else {
            return "No orders were created from \(startDate) to \(endDate) (UTC, inclusive)."
        }
        var lines = ["Revenue from \(startDate) to \(endDate) (UTC, inclusive): \(orders) order(s)."]
        for total in currencies {
            let money = { (amount: Int) in Money(amount: amount, currency: total.currency).formatted }
            lines.append(
                "- \(total.currency.uppercased()): \(total.orders) order(s), gross \(money(total.grossCents)), "
                    + "refunded \(money(total.refundedCents)), net \(money(total.netCents))")
        }
        return lines.joined(separator: "\n")
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("currencies", currencies)
            json.member("end_date", endDate.description)
            json.member("orders", orders)
            json.member("start_date", startDate.description)
        }
    }
}

extension RevenueCurrency: AnswerJSON {
    /// Writes the sums with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("currency", currency)
            json.member("gross_cents", grossCents)
            json.member("net_cents", netCents)
            json.member("orders", orders)
            json.member("refunded_cents", refundedCents)
        }
    }
}
