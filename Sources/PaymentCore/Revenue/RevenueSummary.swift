import DynamicJSON
import OrdersStore

/// `revenue_summary`'s answer: per currency, the orders created in a date range and their refunds.
public struct RevenueSummary: JSONWritable, Sendable, Hashable {
    /// The first day, `YYYY-MM-DD` UTC.
    public var startDate: String
    /// The last day, inclusive.
    public var endDate: String
    /// Orders created in the range, all currencies.
    public var orders: Int
    /// The sums per currency, by currency code.
    public var currencies: [RevenueCurrency]

    /// A short rendering: one line per currency.
    public var text: String {
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
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("currencies", currencies)
            json.member("end_date", endDate)
            json.member("orders", orders)
            json.member("start_date", startDate)
        }
    }
}

/// The sums of one currency in a revenue summary.
public struct RevenueCurrency: JSONWritable, Sendable, Hashable {
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// Orders created in the range in this currency, whatever their status.
    public var orders: Int
    /// The sum of those orders.
    public var grossCents: Int
    /// The sum of their succeeded refunds.
    public var refundedCents: Int
    /// Gross less refunded.
    public var netCents: Int

    init(_ totals: CurrencyTotals) {
        currency = totals.currency
        orders = totals.orders
        grossCents = totals.grossCents
        refundedCents = totals.refundedCents
        netCents = totals.netCents
    }

    /// Writes the sums with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("currency", currency)
            json.member("gross_cents", grossCents)
            json.member("net_cents", netCents)
            json.member("orders", orders)
            json.member("refunded_cents", refundedCents)
        }
    }
}
