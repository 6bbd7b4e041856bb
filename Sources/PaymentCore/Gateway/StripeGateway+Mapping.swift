import FoundationEssentials
import StripeClient

/// Stripe's objects as PaymentCore's: only the facts the service uses, times as `Date`s.
extension StripeGateway {
    /// A PaymentIntent as a payment; the refunded amount is known only when `latest_charge` came expanded.
    static func payment(_ intent: PaymentIntent) -> ProcessorPayment {
        ProcessorPayment(
            id: intent.id, amount: intent.amount, currency: intent.currency, status: intent.status,
            createdAt: date(unixSeconds: intent.created), customerID: intent.customer?.id,
            description: intent.description,
            metadata: intent.metadata, latestChargeID: intent.latestCharge?.id,
            amountRefunded: intent.latestCharge?.object?.amountRefunded)
    }

    /// A Refund as a refund at the processor.
    static func refund(_ refund: Refund) -> ProcessorRefund {
        ProcessorRefund(
            id: refund.id, amount: refund.amount, currency: refund.currency, status: refund.status,
            failureReason: refund.failureReason, paymentIntentID: refund.paymentIntent?.id, metadata: refund.metadata)
    }

    /// A Customer, or its deleted stub, as a customer at the processor.
    static func customer(_ customer: StripeCustomer) -> ProcessorCustomer {
        ProcessorCustomer(
            id: customer.id, isDeleted: customer.deleted, email: customer.email, name: customer.name,
            createdAt: customer.created.map(date(unixSeconds:)), delinquent: customer.delinquent,
            balance: customer.balance, metadata: customer.metadata)
    }

    /// A list page as a page at the processor, with Stripe's own cursor (the last item may be one that could not
    /// be read) and how many items could not be read.
    static func page<Object, Item>(_ list: StripeList<Object>, _ item: (Object) -> Item) -> ProcessorPage<Item> {
        ProcessorPage(
            items: list.data.map(item), hasMore: list.hasMore, unreadable: list.unreadable.map(\.description),
            nextCursor: list.nextCursor)
    }

    /// A Stripe `created` (Unix seconds) as a `Date`.
    private static func date(unixSeconds: Int) -> Date {
        Date(timeIntervalSince1970: Double(unixSeconds))
    }
}
