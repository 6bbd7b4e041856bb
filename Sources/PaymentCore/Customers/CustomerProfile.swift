public import FoundationEssentials
import OrdersStore

/// `lookup_customer`'s answer and the `customer://{email}` resource: the internal record, order counts, lifetime
/// totals per currency and the live Stripe customer (or why it could not be shown).
public struct CustomerProfile: Sendable, Hashable {
    /// The orders database's record.
    public var customer: CustomerRecord
    /// How many orders the customer has, by status.
    public var orders: OrderCountsRecord
    /// Lifetime paid, refunded and net per currency.
    public var totals: [CustomerTotal]
    /// The live Stripe customer, or why it is not shown.
    public var stripe: StripeCustomerStatus
}

/// A customer as the orders database records it.
public struct CustomerRecord: Sendable, Hashable {
    /// The internal id.
    public var id: String
    /// The email address.
    public var email: String
    /// The name (customer-provided text).
    public var name: String
    /// The linked Stripe customer (`cus_…`), if any.
    public var stripeCustomerID: String? = nil
    /// When the record was created.
    public var createdAt: Date? = nil

    init(_ customer: Customer) {
        id = customer.id
        email = customer.email
        name = customer.name
        stripeCustomerID = customer.stripeCustomerID
        createdAt = customer.createdAt
    }
}

/// How many of a customer's orders are in each status.
public struct OrderCountsRecord: Sendable, Hashable {
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
}

/// A customer's lifetime sums in one currency: every order's amount, the succeeded refunds, and the difference.
public struct CustomerTotal: Sendable, Hashable {
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
}

/// The live Stripe side of a customer: `ok`, `deleted`, `unlinked` (no Stripe id) or `error`.
public struct StripeCustomerStatus: Sendable, Hashable {
    /// What became of asking Stripe for the customer.
    public enum Status: String, Sendable, Hashable {
        /// Stripe answered with the customer.
        case ok
        /// The linked Stripe customer was deleted in Stripe.
        case deleted
        /// The internal record has no Stripe customer id.
        case unlinked
        /// Stripe could not be asked or did not answer.
        case error
    }

    /// `ok`, `deleted`, `unlinked` or `error`.
    public var status: Status
    /// The Stripe customer, when `status` is `ok`.
    public var customer: StripeCustomerSummary? = nil
    /// Why Stripe could not be asked or answered, when `status` is `error`.
    public var error: String? = nil
}

/// The Stripe customer's facts that support needs.
public struct StripeCustomerSummary: Sendable, Hashable {
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
}
