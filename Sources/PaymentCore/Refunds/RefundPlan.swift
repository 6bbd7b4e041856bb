import FoundationEssentials
import OrdersStore

/// A refund that passed every policy check: what a preview shows, an approver sees and execution carries out.
struct RefundPlan: Sendable {
    var customer: Customer
    var order: Order
    var paymentIntentID: String
    var amount: Int
    var reason: RefundReason
    var note: String?
    var ageInDays: Int
    /// What remained refundable before this refund.
    var refundable: Int
    /// Stripe's `amount_refunded` on the charge when the plan was made: every refund Stripe knows of.
    var stripeRefunded: Int
    /// Who asked for the refund, when another person is now giving it a second approval.
    var requestedBy: String? = nil

    /// The facts put in front of a human approver.
    var approvalRequest: RefundApprovalRequest {
        RefundApprovalRequest(
            customerEmail: customer.email, customerName: customer.name, orderID: order.id,
            paymentIntentID: paymentIntentID, amount: Money(amount: amount, currency: order.currency), reason: reason,
            note: note, requestedBy: requestedBy)
    }

    /// An answer about this refund with the given status; the caller fills in the status's own fields.
    func result(_ status: RefundResult.Status) -> RefundResult {
        RefundResult(
            status: status, orderID: order.id, paymentIntentID: paymentIntentID, customerEmail: customer.email,
            amountCents: amount, currency: order.currency, reason: reason, note: note, orderAgeDays: ageInDays,
            refundableCents: refundable)
    }

    /// What remains refundable on an order, or `nil` when the amounts are too large to compute with.
    ///
    /// Refunds Stripe knows of (`amount_refunded`, which includes refunds made in the dashboard and refunds still
    /// pending there) and the journal's succeeded refunds and refunds pending at Stripe describe mostly the same
    /// money, so the larger of the two counts. Pending journal rows without a Stripe id may or may not be known to
    /// Stripe; counting them on top is the cautious choice, and reconciliation soon turns them into succeeded or
    /// failed. Other systems write this database too, so an amount may be absurd: the arithmetic is checked.
    static func refundable(orderAmount: Int, journal: RefundTotals, stripeRefunded: Int) -> Int? {
        let accepted = journal.succeededCents.addingReportingOverflow(journal.pendingAtStripeCents)
        let unknown = journal.pendingCents.subtractingReportingOverflow(journal.pendingAtStripeCents)
        let afterStripe = orderAmount.subtractingReportingOverflow(max(accepted.partialValue, stripeRefunded))
        let remaining = afterStripe.partialValue.subtractingReportingOverflow(unknown.partialValue)
        guard !(accepted.overflow || unknown.overflow || afterStripe.overflow || remaining.overflow) else {
            return nil
        }
        return max(0, remaining.partialValue)
    }

    /// What remains refundable on an order, or a refusal when its amounts are impossible.
    static func refundable(_ order: Order, journal: RefundTotals, stripeRefunded: Int) throws -> Int {
        guard
            let refundable = refundable(
                orderAmount: order.amountCents, journal: journal, stripeRefunded: stripeRefunded)
        else {
            throw PaymentError.refused(
                "Order \(order.id) records amounts too large to compute what remains refundable; the orders database "
                    + "holds an impossible amount for it. Nothing was refunded; escalate to a person who can check "
                    + "the order in the database.")
        }
        return refundable
    }
}

/// Which order a refund is for.
enum RefundTarget: Sendable {
    /// The order recording this PaymentIntent.
    case paymentIntent(String)
    /// The order a confirmation token was issued for.
    case order(String)
    /// The customer's most recent paid order.
    case mostRecentPaid
}

extension PaymentService {
    /// Resolves and checks a refund as a preview does: ownership, the refund window, and a positive amount no
    /// larger than what remains refundable by the journal and by Stripe. Moves nothing and writes nothing.
    func planRefund(
        email: String, target: RefundTarget, amount: Int?, reason: RefundReason, note: String?
    ) async throws -> RefundPlan {
        let (customer, order, journal) = try await store.read { db in
            let customer = try requireCustomer(email: email, in: db)
            let order = try findOrder(target, customer: customer, in: db)
            return (customer, order, try db.refundTotals(orderID: order.id))
        }
        guard let paymentIntentID = order.paymentIntentID else {
            throw PaymentError.refused(
                "Order \(order.id) has no Stripe PaymentIntent recorded, so it cannot be refunded through Stripe. "
                    + "Nothing was refunded; escalate to a person with access to the payment.")
        }
        let age = policy.ageInDays(of: order.createdAt, at: policy.now())
        guard policy.isWithinRefundWindow(ageInDays: age) else {
            throw PaymentError.refused(
                "Order \(order.id) is \(age) days old; refunds are allowed up to \(policy.refundWindowDays) days after "
                    + "the order. Nothing was refunded. Tell the user the order is outside the refund window.")
        }
        let intent = try await callStripe("check the payment's existing refunds in Stripe") {
            try await $0.paymentIntent(id: paymentIntentID)
        }
        let stripeRefunded = try Self.amountRefunded(of: intent, order: order)
        let refundable = try RefundPlan.refundable(order, journal: journal, stripeRefunded: stripeRefunded)
        let money = { (amount: Int) in Money(amount: amount, currency: order.currency).formatted }
        guard refundable > 0 else {
            throw PaymentError.refused(
                "Nothing remains refundable on order \(order.id): all \(money(order.amountCents)) is refunded or a "
                    + "refund is still pending (refunds made in Stripe's dashboard count too). Nothing was refunded.")
        }
        let amount = amount ?? refundable
        guard amount <= refundable else {
            throw PaymentError.refused(
                "The amount \(money(amount)) is more than the \(money(refundable)) that remains refundable on order "
                    + "\(order.id). Nothing was refunded; preview a refund of at most \(money(refundable)).")
        }
        return RefundPlan(
            customer: customer, order: order, paymentIntentID: paymentIntentID, amount: amount, reason: reason,
            note: note, ageInDays: age, refundable: refundable, stripeRefunded: stripeRefunded)
    }

    /// What Stripe has refunded of the order's payment, after checking the payment matches the order.
    ///
    /// A charge missing from the answer is refused rather than read as "nothing refunded yet", which could allow
    /// refunding money Stripe already returned (say, from its dashboard). `paymentIntent(id:)` expands the charge,
    /// so an id alone means an answer this server does not understand; there is no second request to make.
    private static func amountRefunded(of intent: ProcessorPayment, order: Order) throws -> Int {
        guard intent.currency.lowercased() == order.currency.lowercased() else {
            throw PaymentError.refused(
                "PaymentIntent \(intent.id) is in \(intent.currency.uppercased()) at Stripe, but order \(order.id) is "
                    + "recorded in \(order.currency.uppercased()). Nothing was refunded; escalate to a person who can "
                    + "check the order against the payment.")
        }
        guard intent.latestChargeID != nil else {
            throw PaymentError.refused(
                "PaymentIntent \(intent.id) has no charge at Stripe (its status is \(intent.status)), so nothing was "
                    + "collected that could be refunded. Nothing was refunded.")
        }
        guard let amountRefunded = intent.amountRefunded else {
            throw PaymentError(
                .stripe,
                "Stripe's answer for PaymentIntent \(intent.id) did not include its charge, so the refunds already "
                    + "made on it cannot be checked. Nothing was refunded; try again, and escalate if this keeps "
                    + "happening.")
        }
        return amountRefunded
    }

    /// The order a refund targets, checked to belong to the customer.
    private func findOrder(_ target: RefundTarget, customer: Customer, in db: any OrdersTransaction) throws -> Order {
        let found: Order?
        switch target {
        case .paymentIntent(let id): found = try db.order(paymentIntentID: id)
        case .order(let id): found = try db.order(id: id)
        case .mostRecentPaid:
            guard let order = try db.mostRecentOrder(customerID: customer.id, status: .paid) else {
                throw PaymentError.refused(
                    "This customer has no paid orders to refund. Use get_order_history to see their orders, and "
                        + "name the payment with payment_intent_id to refund a partially refunded one.")
            }
            found = order
        }
        guard let order = found else { throw PaymentError.notFound(unknownPaymentIntentMessage) }
        guard order.customerID == customer.id else {
            throw PaymentError.refused(
                "That payment belongs to a different customer than the email given. Nothing was refunded; check the "
                    + "email and the PaymentIntent with list_payments.")
        }
        return order
    }
}
