import DynamicJSON
import PaymentCore

/// `lookup_customer`'s answer and the `customer://{email}` resource.
extension CustomerProfile: ToolAnswer {
    /// A short rendering of the same facts; names and emails are fenced as data.
    var text: String {
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
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("orders", orders)
            json.member("stripe", stripe)
            json.member("totals", totals)
        }
    }
}

extension CustomerRecord: AnswerJSON {
    /// The name and email fenced as customer-provided data.
    var dataBlock: String {
        DataFence.render(label: DataFence.customerLabel, fields: [("name", name), ("email", email)])
    }

    /// Writes the record with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("created_at", createdAt)
            json.member("email", email)
            json.member("id", id)
            json.member("name", name)
            json.member("stripe_customer_id", stripeCustomerID)
        }
    }
}

extension OrderCountsRecord: AnswerJSON {
    /// Writes the counts with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("paid", paid)
            json.member("partially_refunded", partiallyRefunded)
            json.member("refunded", refunded)
            json.member("total", total)
        }
    }
}

extension CustomerTotal: AnswerJSON {
    /// Writes the sums with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("currency", currency)
            json.member("gross_cents", grossCents)
            json.member("net_cents", netCents)
            json.member("refunded_cents", refundedCents)
        }
    }
}

extension StripeCustomerStatus: AnswerJSON {
    /// The rendering line(s) for the Stripe side.
    var text: String {
        switch status {
        case .ok:
            guard let customer else { return "Stripe: ok." }
            var line = "Stripe customer \(customer.id)"
            if let balance = customer.balance { line += ", balance \(balance)" }
            if customer.delinquent == true { line += ", delinquent (an invoice is past due)" }
            var fields: [(String, String)] = []
            if let name = customer.name { fields.append(("name", name)) }
            if let email = customer.email { fields.append(("email", email)) }
            return line + "."
                + (fields.isEmpty ? "" : "\n" + DataFence.render(label: DataFence.stripeLabel, fields: fields))
        case .deleted:
            return "Stripe: the linked Stripe customer was deleted in Stripe."
        case .unlinked:
            return "Stripe: this customer has no Stripe customer id, so there is no Stripe record to show."
        case .error:
            return "Stripe: could not load the Stripe customer — \(error ?? "unknown error"). The database facts "
                + "above are current."
        }
    }

    /// Writes the Stripe side with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("error", error)
            json.member("status", status.rawValue)
        }
    }
}

extension StripeCustomerSummary: AnswerJSON {
    /// Writes the Stripe customer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
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
