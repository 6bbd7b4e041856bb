@testable import OrdersStore

/// The revenue tests' rows: November 2026 orders in three currencies, with partial, full, pending and failed
/// refunds, plus orders just outside the month on both sides.
enum RevenueSamples {
    static let ann = Samples.customer("ann@example.com")
    static let bob = Samples.customer("bob@example.com")

    static let orders = [
        Samples.order(
            customerID: ann.id, id: "first-moment", amountCents: 1_000,
            createdAt: Samples.time("2026-11-01 00:00:00.000000")),
        Samples.order(
            customerID: ann.id, id: "usd-2", amountCents: 2_000, createdAt: Samples.time("2026-11-15 12:00:00")),
        Samples.order(
            customerID: bob.id, id: "last-moment", amountCents: 5_000, currency: "eur", status: .refunded,
            createdAt: Samples.time("2026-11-30 23:59:59.999999")),
        Samples.order(
            customerID: bob.id, id: "jpy", amountCents: 700, currency: "jpy",
            createdAt: Samples.time("2026-11-20 08:00:00")),
        Samples.order(
            customerID: ann.id, id: "before", amountCents: 90_000,
            createdAt: Samples.time("2026-10-31 23:59:59.999999")),
        Samples.order(
            customerID: ann.id, id: "after", amountCents: 80_000, currency: "eur",
            createdAt: Samples.time("2026-12-01 00:00:00")),
    ]

    static let refunds = [
        Samples.refund(orderID: "first-moment", amountCents: 300, status: .succeeded),
        Samples.refund(orderID: "first-moment", amountCents: 200, status: .succeeded),
        Samples.refund(orderID: "usd-2", amountCents: 500, status: .pending),
        Samples.refund(orderID: "usd-2", amountCents: 100, status: .failed),
        Samples.refund(orderID: "last-moment", amountCents: 5_000, currency: "eur", status: .succeeded),
        Samples.refund(orderID: "before", amountCents: 40_000, status: .succeeded),
    ]
}
