import OrdersStore

extension PaymentService {
    /// `list_payments`: a customer's PaymentIntents, newest first, each joined to its internal order.
    ///
    /// - Parameters:
    ///   - email: the internal customer's email; give this or `customerID`, not both.
    ///   - customerID: the Stripe customer id (`cus_…`).
    ///   - limit: page size, 1 to 100.
    ///   - startingAfter: `next_cursor` from the previous page.
    /// - Throws: `PaymentError` (`.invalidArgument`, `.notFound`, `.refused` for a customer not linked to Stripe,
    ///   `.stripeNotConfigured`, `.stripe`).
    public func listPayments(
        email: String? = nil, customerID: String? = nil, limit: Int = 10, startingAfter: String? = nil
    ) async throws -> PaymentList {
        let limit = try InputValidation.limit(limit, in: 1...100)
        let startingAfter = try startingAfter.map(InputValidation.paymentIntentID)
        let owner = try await resolveOwner(email: email, customerID: customerID)
        let page = try await callStripe("list the customer's payments") {
            try await $0.paymentIntents(customerID: owner.stripeCustomerID, limit: limit, startingAfter: startingAfter)
        }
        let orders = try await store.read { db in try db.orders(paymentIntentIDs: page.items.map(\.id)) }
        return PaymentList(
            customer: owner, payments: page.items.map { PaymentSummary($0, orderID: orders[$0.id]?.id) },
            hasMore: page.hasMore, nextCursor: page.nextCursor, unreadable: page.unreadable)
    }

    /// The `payment://{payment_intent_id}` resource: the order, the live PaymentIntent and the refund journal.
    ///
    /// A Stripe failure shows as `stripe_error` beside the database facts.
    /// - Throws: `PaymentError.Kind.notFound` when neither the database nor Stripe knows the PaymentIntent.
    public func paymentDetail(paymentIntentID: String) async throws -> PaymentDetail {
        let id = try InputValidation.paymentIntentID(paymentIntentID)
        let order = try await store.read { db in try db.order(paymentIntentID: id) }
        var detail = PaymentDetail(
            paymentIntentID: id, order: nil, customerEmail: nil, paymentIntent: nil, stripeError: nil, refunds: [],
            reviewFlags: [])
        if let order {
            let recorded = try await store.read { db in
                (
                    order: OrderSummary(order, totals: try db.refundTotals(orderID: order.id)),
                    customerEmail: try db.customer(id: order.customerID)?.email,
                    refunds: try db.refundLogEntries(orderID: order.id).map(RefundLogRecord.init),
                    reviewFlags: try db.reviewFlags(orderID: order.id).map(ReviewFlagResult.init)
                )
            }
            detail.order = recorded.order
            detail.customerEmail = recorded.customerEmail
            detail.refunds = recorded.refunds
            detail.reviewFlags = recorded.reviewFlags
        }
        do {
            let intent = try await callStripe("load the PaymentIntent") { try await $0.paymentIntent(id: id) }
            detail.paymentIntent = PaymentSummary(intent, orderID: order?.id)
        } catch let error as PaymentError where order != nil || error.kind == .stripeNotConfigured {
            detail.stripeError = error.message
        } catch let error as PaymentError where error.gatewayError?.kind == .notFound {
            throw PaymentError.notFound(unknownPaymentIntentMessage)
        }
        return detail
    }

    /// The message for a PaymentIntent that no order records.
    var unknownPaymentIntentMessage: String {
        "No order records that PaymentIntent. Check the id (pi_…) with list_payments or get_order_history."
    }

    /// The Stripe customer whose payments to list, from exactly one of an email or a Stripe customer id.
    private func resolveOwner(email: String?, customerID: String?) async throws -> PaymentList.Owner {
        switch (email, customerID) {
        case (.some(let email), nil):
            let email = try InputValidation.email(email)
            let customer = try await store.read { db in try requireCustomer(email: email, in: db) }
            guard let stripeID = customer.stripeCustomerID else {
                throw PaymentError.refused(
                    "This customer is not linked to a Stripe customer, so Stripe holds no payments for them. Use "
                        + "get_order_history to see their orders.")
            }
            return PaymentList.Owner(email: customer.email, stripeCustomerID: stripeID)
        case (nil, .some(let customerID)):
            let stripeID = try InputValidation.stripeCustomerID(customerID)
            let customer = try await store.read { db in try db.customer(stripeCustomerID: stripeID) }
            return PaymentList.Owner(email: customer?.email, stripeCustomerID: stripeID)
        default:
            throw PaymentError.invalid("Give exactly one of email or customer_id (cus_…).")
        }
    }
}
