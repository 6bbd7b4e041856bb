import OrdersStore
import Whitespace

extension PaymentService {
    /// `lookup_customer`: the internal record, order counts, lifetime totals and the live Stripe customer.
    ///
    /// The database part always answers; a Stripe failure shows as `stripe.status == .error` beside it, so an
    /// outage never hides the customer.
    /// - Throws: `PaymentError` (`.invalidArgument`, `.notFound`); store errors (such as an ambiguous email).
    public func lookupCustomer(email: String) async throws -> CustomerProfile {
        let email = try InputValidation.email(email)
        let (customer, counts, totals) = try await store.read { db in
            let customer = try requireCustomer(email: email, in: db)
            return (
                customer, try db.orderCounts(customerID: customer.id), try db.customerTotals(customerID: customer.id)
            )
        }
        return CustomerProfile(
            customer: CustomerRecord(customer), orders: OrderCountsRecord(counts),
            totals: totals.map(CustomerTotal.init),
            stripe: await stripeStatus(of: customer))
    }

    /// The `customer://{email}` resource: the same facts as `lookupCustomer(email:)`.
    public func customerProfile(email: String) async throws -> CustomerProfile {
        try await lookupCustomer(email: email)
    }

    /// Customers by email ascending, for `resources/list`: a page after `cursor` (an email from a previous page).
    public func customerList(after cursor: String?, limit: Int = 100) async throws -> CustomerPage {
        let limit = try InputValidation.limit(limit, in: 1...1_000)
        let customers = try await store.read { db in try db.customers(after: cursor, limit: limit + 1) }
        let page = customers.prefix(limit).map(CustomerRecord.init)
        return CustomerPage(customers: page, nextCursor: customers.count > limit ? page.last?.email : nil)
    }

    /// Customer emails starting with `prefix` (case-insensitive), at most 100, for `completion/complete`.
    public func emailCompletions(prefix: String) async throws -> [String] {
        try await store.read { db in try db.customerEmails(prefix: prefix.trimmingWhitespace(), limit: 100) }
    }

    /// The live Stripe side of a customer; never throws, since the database part must still answer.
    private func stripeStatus(of customer: Customer) async -> StripeCustomerStatus {
        guard let stripeID = customer.stripeCustomerID else {
            return StripeCustomerStatus(status: .unlinked, customer: nil, error: nil)
        }
        do {
            let stripeCustomer = try await callStripe("load the Stripe customer") {
                try await $0.customer(id: stripeID)
            }
            if stripeCustomer.isDeleted {
                return StripeCustomerStatus(status: .deleted, customer: nil, error: nil)
            }
            return StripeCustomerStatus(status: .ok, customer: StripeCustomerSummary(stripeCustomer), error: nil)
        } catch let error as PaymentError {
            return StripeCustomerStatus(status: .error, customer: nil, error: error.message)
        } catch {
            return StripeCustomerStatus(status: .error, customer: nil, error: "The Stripe call was interrupted.")
        }
    }
}

/// One page of customers for `resources/list`.
public struct CustomerPage: Sendable, Hashable {
    /// The customers, by email ascending.
    public var customers: [CustomerRecord]
    /// The `cursor` for the next page (the last email shown), or `nil` on the last page.
    public var nextCursor: String?
}
