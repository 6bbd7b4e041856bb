import OrdersStore
import StripeClient

/// `list_payments`'s answer: one page of a customer's PaymentIntents, newest first, joined to internal orders.
public struct PaymentList: Encodable, Sendable, Hashable {
    /// Whose payments these are.
    public var customer: Owner
    /// The page of payments.
    public var payments: [PaymentSummary]
    /// Whether more payments follow this page.
    public var hasMore: Bool
    /// The `starting_after` value for the next page, or `nil` on the last page.
    @NullWhenAbsent public var nextCursor: String? = nil

    /// The customer a payment list belongs to.
    public struct Owner: Encodable, Sendable, Hashable {
        /// The internal email address, or `nil` when no internal customer has this Stripe id.
        @NullWhenAbsent public var email: String? = nil
        /// The Stripe customer id.
        public var stripeCustomerID: String

        enum CodingKeys: String, CodingKey {
            case email
            case stripeCustomerID = "stripe_customer_id"
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

    enum CodingKeys: String, CodingKey {
        case customer, payments
        case hasMore = "has_more"
        case nextCursor = "next_cursor"
    }
}

/// One PaymentIntent as support sees it.
public struct PaymentSummary: Encodable, Sendable, Hashable {
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
    @NullWhenAbsent public var chargeID: String? = nil
    /// How much of the latest charge has been refunded, wherever the refund was made.
    public var amountRefundedCents: Int
    /// Stripe's description (free text).
    @NullWhenAbsent public var description: String? = nil
    /// The internal order recording this payment, if any.
    @NullWhenAbsent public var orderID: String? = nil

    init(_ intent: PaymentIntent, orderID: String?) {
        paymentIntentID = intent.id
        amountCents = intent.amount
        currency = intent.currency
        status = intent.status
        createdAt = Timestamps.iso8601(unixSeconds: intent.created)
        chargeID = intent.latestCharge?.id
        amountRefundedCents = intent.latestCharge?.object?.amountRefunded ?? 0
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

    enum CodingKeys: String, CodingKey {
        case currency, status, description
        case paymentIntentID = "payment_intent_id"
        case amountCents = "amount_cents"
        case createdAt = "created_at"
        case chargeID = "charge_id"
        case amountRefundedCents = "amount_refunded_cents"
        case orderID = "order_id"
    }
}
