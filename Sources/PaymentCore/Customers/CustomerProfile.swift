import DynamicJSON
import FoundationEssentials
import OrdersStore

/// `lookup_customer`'s answer and the `customer://{email}` resource: the internal record, order counts, lifetime
/// totals per currency and the live Stripe customer (or why it could not be shown).
public struct CustomerProfile: JSONWritable, Sendable, Hashable {
    /// The orders database's record.
    public var customer: CustomerRecord
    /// How many orders the customer has, by status.
    public var orders: OrderCountsRecord
    /// Lifetime paid, refunded and net per currency.
    public var totals: [CustomerTotal]
    /// The live Stripe customer, or why it is not shown.
    public var stripe: StripeCustomerStatus

    /// A short rendering of the same facts; names and emails are fenced as data.
    public var text: String {
        var lines = [
            "Customer \(customer.id) (\(orders.total) orders: \(orders.paid) paid, "
                + "\(orders.partiallyRefunded) partially refunded, \(orders.refunded) refunded)."
        ]
        lines.append(customer.dataBlock)
        for total in totals {
            lines.append(
                "\(total.currency.uppercased()): paid \(Money(amount: total.grossCents, currency: total.currency)), "
                    + "refunded \(Money(amount: total.refundedCents, currency: total.currency)), "
                    + "net \(Money(amount: total.netCents, currency: total.currency)).")
        }
        lines.append(stripe.text)
        return lines.joined(separator: "\n")
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("orders", orders)
            json.member("stripe", stripe)
            json.member("totals", totals)
        }
    }
}

/// A customer as the orders database records it.
public struct CustomerRecord: JSONWritable, Sendable, Hashable {
    /// The internal id.
    public var id: String
    /// The email address.
    public var email: String
    /// The name (customer-provided text).
    public var name: String
    /// The linked Stripe customer (`cus_…`), if any.
    public var stripeCustomerID: String? = nil
    /// When the record was created, UTC ISO-8601.
    public var createdAt: String? = nil

    init(_ customer: Customer) {
        id = customer.id
        email = customer.email
        name = customer.name
        stripeCustomerID = customer.stripeCustomerID
        createdAt = customer.createdAt.map(Timestamps.iso8601)
    }

    /// The name and email fenced as customer-provided data.
    var dataBlock: String {
        DataFence.render(label: DataFence.customerLabel, fields: [("name", name), ("email", email)])
    }

    /// Writes the record with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("created_at", createdAt)
            json.member("email", email)
            json.member("id", id)
            json.member("name", name)
            json.member("stripe_customer_id", stripeCustomerID)
        }
    }
}

/// How many of a customer's orders are in each status.
public struct OrderCountsRecord: JSONWritable, Sendable, Hashable {
    /// All orders.
    public var total: Int
    /// Orders paid and not refunded.
    public var paid: Int
    /// Orders refunded in part.
    public var partiallyRefunded: Int
    /// Orders refunded in full.
    public var refunded: Int

    init(_ counts: OrderCounts) {
        total = counts.total
        paid = counts.paid
        partiallyRefunded = counts.partiallyRefunded
        refunded = counts.refunded
    }

    /// Writes the counts with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("paid", paid)
            json.member("partially_refunded", partiallyRefunded)
            json.member("refunded", refunded)
            json.member("total", total)
        }
    }
}

/// A customer's lifetime sums in one currency: every order's amount, the succeeded refunds, and the difference.
public struct CustomerTotal: JSONWritable, Sendable, Hashable {
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// The sum of all orders.
    public var grossCents: Int
    /// The sum of succeeded refunds of those orders.
    public var refundedCents: Int
    /// Gross less refunded.
    public var netCents: Int

    init(_ totals: CurrencyTotals) {
        currency = totals.currency
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
            json.member("refunded_cents", refundedCents)
        }
    }
}

/// The live Stripe side of a customer: `ok`, `deleted`, `unlinked` (no Stripe id) or `error`.
public struct StripeCustomerStatus: JSONWritable, Sendable, Hashable {
    /// `ok`, `deleted`, `unlinked` or `error`.
    public var status: String
    /// The Stripe customer, when `status` is `ok`.
    public var customer: StripeCustomerSummary? = nil
    /// Why Stripe could not be asked or answered, when `status` is `error`.
    public var error: String? = nil

    /// The rendering line(s) for the Stripe side.
    var text: String {
        switch status {
        case "ok":
            guard let customer else { return "Stripe: ok." }
            var line = "Stripe customer \(customer.id)"
            if let balance = customer.balance { line += ", balance \(balance)" }
            if customer.delinquent == true { line += ", delinquent (an invoice is past due)" }
            var fields: [(String, String)] = []
            if let name = customer.name { fields.append(("name", name)) }
            if let email = customer.email { fields.append(("email", email)) }
            return line + "."
                + (fields.isEmpty ? "" : "\n" + DataFence.render(label: DataFence.stripeLabel, fields: fields))
        case "deleted":
            return "Stripe: the linked Stripe customer was deleted in Stripe."
        case "unlinked":
            return "Stripe: this customer has no Stripe customer id, so there is no Stripe record to show."
        default:
            return
                "Stripe: could not load the Stripe customer — \(error ?? "unknown error"). The database facts above are current."
        }
    }

    /// Writes the Stripe side with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("error", error)
            json.member("status", status)
        }
    }
}

/// The Stripe customer's facts that support needs.
public struct StripeCustomerSummary: JSONWritable, Sendable, Hashable {
    /// `cus_…`.
    public var id: String
    /// Stripe's copy of the email address.
    public var email: String? = nil
    /// Stripe's copy of the name (customer-provided text).
    public var name: String? = nil
    /// When Stripe created the customer, UTC ISO-8601.
    public var created: String? = nil
    /// Whether an invoice is past due.
    public var delinquent: Bool? = nil
    /// Balance in minor units of the customer's currency (negative is credit).
    public var balance: Int? = nil

    init(_ customer: ProcessorCustomer) {
        id = customer.id
        email = customer.email
        name = customer.name
        created = customer.createdAt.map(Timestamps.iso8601)
        delinquent = customer.delinquent
        balance = customer.balance
    }

    /// Writes the Stripe customer with the design's snake_case keys, every key present.
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("balance", balance)
            json.member("created", created)
            json.member("delinquent", delinquent)
            json.member("email", email)
            json.member("id", id)
            json.member("name", name)
        }
    }
}
