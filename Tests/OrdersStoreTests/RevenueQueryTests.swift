import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Revenue on SQLite")
struct RevenueQueryTests {
    let ann = RevenueSamples.ann

    /// A store holding `RevenueSamples`' rows.
    private func store() throws -> SQLiteStore {
        let store = try Samples.memoryStore(with: [RevenueSamples.ann, RevenueSamples.bob])
        try store.write { db throws in
            for order in RevenueSamples.orders { try db.insertOrder(order) }
            for refund in RevenueSamples.refunds { try db.insertRefundLogEntry(refund) }
        }
        return store
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
}
