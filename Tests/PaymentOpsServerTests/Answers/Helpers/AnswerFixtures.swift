import FoundationEssentials
import OrdersStore

@testable import PaymentCore

/// Answers built from rows, as PaymentCore builds them, at fixed times: the rendering tests need no service.
enum AnswerFixtures {
    /// 2026-11-27T12:00:00Z, the PaymentCore tests' clock.
    static let now = Date(timeIntervalSince1970: 1_795_780_800)

    /// A time `days` days before `now`.
    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    /// Jane's record, optionally with another name.
    static func customer(name: String = "Jane Doe", stripeID: String? = "cus_jane") -> CustomerRecord {
        CustomerRecord(
            Customer(
                id: "c1", email: "jane@example.com", name: name, stripeCustomerID: stripeID,
                createdAt: daysAgo(400)))
    }

    /// An order line as `get_order_history` lists it.
    static func order(
        _ id: String, amount: Int, status: OrderSummary.Status = .paid, daysAgo days: Double,
        paymentIntentID: String? = nil, refunded: Int = 0, pending: Int = 0
    ) -> OrderSummary {
        OrderSummary(
            Order(
                id: id, customerID: "c1", paymentIntentID: paymentIntentID, amountCents: amount, currency: "usd",
                status: status, createdAt: daysAgo(days)),
            totals: RefundTotals(succeededCents: refunded, pendingCents: pending))
    }

    /// A refund answer of `amount` cents of order o1, in the given status.
    static func refund(
        _ status: RefundResult.Status, amount: Int = 1000, currency: String = "usd", note: String? = nil
    ) -> RefundResult {
        RefundResult(
            status: status, orderID: "o1", paymentIntentID: "pi_1", customerEmail: "jane@example.com",
            amountCents: amount, currency: currency, reason: .requestedByCustomer, note: note, orderAgeDays: 10,
            refundableCents: 4999)
    }

    /// A journal row of order o1.
    static func journalRow(note: String? = nil, completed: Bool = true) -> RefundLogRecord {
        RefundLogRecord(
            RefundLogEntry(
                id: "rl_1", orderID: "o1", stripeRefundID: completed ? "re_1" : nil, amountCents: 100,
                currency: "usd", reason: "duplicate", note: note, refundedBy: "ai-assistant",
                status: completed ? .succeeded : .pending, idempotencyKey: "k", createdAt: daysAgo(1),
                completedAt: completed ? now : nil))
    }

    /// A review flag of order o1.
    static func flag(note: String = "odd") -> ReviewFlagResult {
        ReviewFlagResult(
            ReviewFlag(
                id: "rf_1", orderID: "o1", paymentIntentID: "pi_1", note: note, flaggedBy: "ai-assistant",
                createdAt: now))
    }
}
