import DynamicJSON
import OrdersStore

/// `list_payments`'s answer: one page of a customer's PaymentIntents, newest first, joined to internal orders.
public struct PaymentList: JSONWritable, Sendable, Hashable {
    /// Whose payments these are.
    public var customer: Owner
    /// The page of payments.
    public var payments: [PaymentSummary]
    /// Whether more payments follow this page.
    public var hasMore: Bool
    /// The `starting_after` value for the next page, or `nil` on the last page.
    public var nextCursor: String? = nil

    /// The customer a payment list belongs to.
    public struct Owner: JSONWritable, Sendable, Hashable {
        /// The internal email address, or `nil` when no internal customer has this Stripe id.
        public var email: String? = nil
        /// The Stripe customer id.
        public var stripeCustomerID: String

        /// Writes the owner with the design's snake_case keys, every key present.
        public func write(to writer: inout JSONWriter) {
            writer.writeObject { json in
                json.member("email", email)
                json.member("stripe_customer_id", stripeCustomerID)
            }
        }
    }

    /// A short rendering: one line per payment, descriptions fenced as Stripe data.
    public var text: String {
        var lines = ["\(payments.count) payment(s) of Stripe customer \(customer.stripeCustomerID), newest first."]
        for payment in payments {
            lines.append("- " + payment.line)
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
    public func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("customer", customer)
            json.member("has_more", hasMore)
            json.member("next_cursor", nextCursor)
            json.member("payments", payments)
        }
    }
}

/// One PaymentIntent as support sees it.
public struct PaymentSummary: JSONWritable, Sendable, Hashable {
    /// `pi_…`.
    public var paymentIntentID: String
    /// The amount, in minor units.
    public var amountCents: Int
    /// Lower-case ISO 4217 code.
    public var currency: String
    /// Stripe's status: `succeeded`, `processing`, `requires_payment_method`, …
    public var status: String
    /// When Stripe created it, UTC ISO-8601.
    public var createdAt: String
    /// The latest charge (`ch_…`), if any.
    public var chargeID: String? = nil
    /// How much of the latest charge has been refunded, wherever the refund was made.
    public var amountRefundedCents: Int
    /// Stripe's description (free text).
    public var description: String? = nil
    /// The internal order recording this payment, if any.
    public var orderID: String? = nil

    init(_ intent: ProcessorPayment, orderID: String?) {
        paymentIntentID = intent.id
        amountCents = intent.amount
        currency = intent.currency
        status = intent.status
        createdAt = Timestamps.iso8601(intent.createdAt)
        chargeID = intent.latestChargeID
        amountRefundedCents = intent.amountRefunded ?? 0
        description = intent.description
        self.orderID = orderID
    }

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
    public func write(to writer: inout JSONWriter) {
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
