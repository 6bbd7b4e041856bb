import DynamicJSON
import PaymentCore

/// `list_payments`'s answer.
extension PaymentList: ToolAnswer {
    /// A short rendering: one line per payment, descriptions fenced as Stripe data.
    var text: String {
        var lines = ["\(payments.count) payment(s) of Stripe customer \(customer.stripeCustomerID), newest first."]
        for payment in payments {
            lines.append("- " + payment.line)
        }
        if !unreadable.isEmpty {
            lines.append(
                "Stripe sent \(unreadable.count) more payment(s) on this page that could not be read, so they are "
                    + "not listed: " + unreadable.joined(separator: "; ") + ". Check them in the Stripe Dashboard.")
        }
        if let nextCursor {
            lines.append("More payments: call list_payments again with starting_after \(nextCursor).")
        }
        let described = payments.compactMap { payment in payment.description.map { (payment.paymentIntentID, $0) } }
        if !described.isEmpty {
            lines.append("Descriptions:\n" + DataFence.render(label: DataFence.stripeLabel, fields: described))
        }
        return lines.joined(separator: "\n")
    }

    /// Writes the answer with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("has_more", hasMore)
            json.member("next_cursor", nextCursor)
            json.member("payments", payments)
        }
    }
}

extension PaymentList.Owner: AnswerJSON {
    /// Writes the owner with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("email", email)
            json.member("stripe_customer_id", stripeCustomerID)
        }
    }
}

extension PaymentSummary: AnswerJSON {
    /// One line: id, amount, status, refunded and order.
    var line: String {
        var line = "\(paymentIntentID): \(Money(amount: amountCents, currency: currency)) \(status), \(createdAt)"
        if amountRefundedCents > 0 {
            line += ", refunded \(Money(amount: amountRefundedCents, currency: currency))"
        }
        line += orderID.map { ", order \($0)" } ?? ", no internal order"
        return line
    }

    /// Writes the payment with the design's snake_case keys, every key present.
    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("amount_cents", amountCents)
            json.member("amount_refunded_cents", amountRefundedCents)
            json.member("charge_id", chargeID)
            json.member("created_at", createdAt)
            json.member("currency", currency)
            json.member("description", description)
            json.member("order_id", orderID)
            json.member("payment_intent_id", paymentIntentID)
            json.member("status", status)
        }
    }
}
