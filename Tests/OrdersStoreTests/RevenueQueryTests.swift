import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Revenue")
struct RevenueQueryTests {
    let ann = Samples.customer("ann@example.com")
    let bob = Samples.customer("bob@example.com")

    /// November 2026 orders in three currencies, with partial, full, pending and failed refunds, plus orders
    /// just outside the range on both sides.
    private func store() throws -> SQLiteStore {
        let store = try Samples.memoryStore(with: [ann, bob])
        try store.write { db throws in
            let orders = [
                Samples.order(
                    customerID: ann.id, id: "first-moment", amountCents: 1_000,
                    createdAt: Samples.time("2026-11-01 00:00:00.000000")),
                Samples.order(
                    customerID: ann.id, id: "usd-2", amountCents: 2_000,
                    createdAt: Samples.time("2026-11-15 12:00:00")),
                Samples.order(
                    customerID: bob.id, id: "last-moment", amountCents: 5_000, currency: "eur",
                    status: .refunded, createdAt: Samples.time("2026-11-30 23:59:59.999999")),
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
            for order in orders { try db.insertOrder(order) }
            for refund in [
                Samples.refund(orderID: "first-moment", amountCents: 300, status: .succeeded),
                Samples.refund(orderID: "first-moment", amountCents: 200, status: .succeeded),
                Samples.refund(orderID: "usd-2", amountCents: 500, status: .pending),
                Samples.refund(orderID: "usd-2", amountCents: 100, status: .failed),
                Samples.refund(orderID: "last-moment", amountCents: 5_000, currency: "eur", status: .succeeded),
                Samples.refund(orderID: "before", amountCents: 40_000, status: .succeeded),
            ] {
                try db.insertRefundLogEntry(refund)
            }
        }
        return store
    }

    @Test("per currency: orders, gross, succeeded refunds and net over an inclusive UTC range")
    func revenueByCurrency() throws {
        let totals = try store().read { try $0.revenue(from: "2026-11-01", through: "2026-11-30") }
        #expect(
            totals == [
                CurrencyTotals(currency: "eur", orders: 1, grossCents: 5_000, refundedCents: 5_000),
                CurrencyTotals(currency: "jpy", orders: 1, grossCents: 700, refundedCents: 0),
                CurrencyTotals(currency: "usd", orders: 2, grossCents: 3_000, refundedCents: 500),
            ])
        #expect(totals.map(\.netCents) == [0, 700, 2_500])
    }

    @Test("a single day counts only that day, and an empty range is empty")
    func singleDay() throws {
        let store = try store()
        let day = try store.read { try $0.revenue(from: "2026-11-30", through: "2026-11-30") }
        #expect(day == [CurrencyTotals(currency: "eur", orders: 1, grossCents: 5_000, refundedCents: 5_000)])
        let empty = try store.read { try $0.revenue(from: "2025-01-01", through: "2025-12-31") }
        #expect(empty == [])
    }

    @Test("customer totals are the same sums over all of one customer's orders")
    func customerTotals() throws {
        let store = try store()
        let totals = try store.read { try $0.customerTotals(customerID: ann.id) }
        #expect(
            totals == [
                CurrencyTotals(currency: "eur", orders: 1, grossCents: 80_000, refundedCents: 0),
                CurrencyTotals(currency: "usd", orders: 3, grossCents: 93_000, refundedCents: 40_500),
            ])
        let nobody = try store.read { try $0.customerTotals(customerID: "nobody") }
        #expect(nobody == [])
    }

    @Test("orders the legacy service left without a currency count as usd, in revenue and customer totals")
    func missingCurrencyIsUSD() throws {
        let store = try store()
        try store.write { db throws in
            try db.execute(
                """
                INSERT INTO orders (id, customer_id, stripe_charge_id, amount_cents, created_at)
                VALUES ('no-currency', ?, 'pi_legacy', 400, '2026-11-10 10:00:00.000000')
                """,
                [ann.id])
            try db.insertLegacyRefund(id: "legacy-refund", orderID: "no-currency", amountCents: 150)
        }
        let totals = try store.read { try $0.revenue(from: "2026-11-01", through: "2026-11-30") }
        #expect(
            totals == [
                CurrencyTotals(currency: "eur", orders: 1, grossCents: 5_000, refundedCents: 5_000),
                CurrencyTotals(currency: "jpy", orders: 1, grossCents: 700, refundedCents: 0),
                CurrencyTotals(currency: "usd", orders: 3, grossCents: 3_400, refundedCents: 650),
            ])
        let customer = try store.read { try $0.customerTotals(customerID: ann.id) }
        #expect(
            customer == [
                CurrencyTotals(currency: "eur", orders: 1, grossCents: 80_000, refundedCents: 0),
                CurrencyTotals(currency: "usd", orders: 4, grossCents: 93_400, refundedCents: 40_650),
            ])
    }

    @Test("revenue reads one range of the per-day rollup and no orders")
    func queryPlan() throws {
        let plan = try store().read { db throws in
            try db.fetchAll("EXPLAIN QUERY PLAN " + Database.revenueSQL, ["2026-11-01", "2026-12-01"]) {
                try $0.string("detail")
            }
        }
        // The one sort groups the range's day rows (days × currencies) by currency.
        #expect(
            plan == [
                "SEARCH revenue_days USING PRIMARY KEY (day>? AND day<?)", "USE TEMP B-TREE FOR GROUP BY",
            ])
    }

    @Test("dates that are not real days are refused", arguments: ["2026-02-30", "2026-11-1", "yesterday", ""])
    func badDates(text: String) throws {
        let store = try store()
        #expect {
            try store.read { try $0.revenue(from: text, through: "2026-11-30") }
        } throws: { error in
            (error as? StoreError)?.message == "Dates must be real days written YYYY-MM-DD, like 2026-11-27"
        }
    }
}
