import FoundationEssentials
import Synchronization
import Testing

@testable import OrdersStore

@Suite("The revenue_days rollup on PostgreSQL", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
struct PostgresRevenueDaysTests {
    let ann = Samples.customer("ann@example.com")
    let bob = Samples.customer("bob@example.com")

    @Test("random writes of every kind, by the store and behind its back, upserts included, never make it drift")
    func randomWritesNeverDrift() async throws {
        let operations = Mutex(RevenueOperationGenerator(seed: 20_261_127, customerIDs: [ann.id, bob.id]))
        try await TestPostgres.withMigratedStore { store throws in
            try await store.write { [ann, bob] transaction throws in
                for customer in [ann, bob] { try transaction.insertCustomer(customer) }
            }
            for batch in 0..<60 {
                try await store.write { transaction throws in
                    for _ in 0..<50 {
                        let state = try transaction.revenueTestState()
                        if let operation = operations.withLock({ $0.next(state) }) { try transaction.apply(operation) }
                    }
                }
                try await store.read { transaction throws in
                    for _ in 0..<8 {
                        let (start, end, after) = operations.withLock { $0.range() }
                        let expected = try transaction.revenueByScanningOrders(from: start, before: after)
                        #expect(
                            try transaction.revenue(from: start, through: end) == expected,
                            "batch \(batch): \(start)…\(end)")
                    }
                    #expect(try transaction.revenueDays() == transaction.revenueDaysFromOrders(), "batch \(batch)")
                    #expect(try transaction.emptyRevenueDaysWithSums() == 0)
                }
            }
            let counts = try await store.read { try $0.rowCounts() }
            // The run did build up something to sum.
            #expect(counts.orders > 100 && counts.refundLog > 100)
        }
    }

    @Test("an upsert, a multi-row update, MERGE and TRUNCATE keep the rollup exact")
    func setBasedWrites() async throws {
        try await TestPostgres.withMigratedStore { store throws in
            try await store.write { [ann] transaction throws in
                try transaction.insertCustomer(ann)
                for (id, day) in [("o1", "2026-11-05"), ("o2", "2026-11-05 23:59:59.999999"), ("o3", "2026-11-06")] {
                    try transaction.insertOrder(
                        Samples.order(customerID: ann.id, id: id, amountCents: 1_000, createdAt: Samples.time(day)))
                }
                try transaction.insertRefundLogEntry(
                    Samples.refund(orderID: "o2", amountCents: 300, status: .succeeded))
                try transaction.execute(
                    """
                    INSERT INTO orders (id, customer_id, amount_cents, currency, created_at)
                    VALUES ('o1', $1, 500, 'eur', '2026-11-07T09:00:00Z'), ('o4', $1, 40, NULL, '2026-11-07')
                    ON CONFLICT (id) DO UPDATE SET amount_cents = excluded.amount_cents, currency = excluded.currency,
                      created_at = excluded.created_at
                    """, [ann.id])
                try transaction.execute("UPDATE orders SET created_at = created_at + interval '1 day'")
                try transaction.execute(
                    """
                    MERGE INTO orders USING (VALUES ('o3', 9), ('o5', 11)) AS source (id, amount) ON orders.id = source.id
                    WHEN MATCHED THEN UPDATE SET amount_cents = source.amount
                    WHEN NOT MATCHED THEN INSERT (id, customer_id, amount_cents, created_at)
                      VALUES (source.id, $1, source.amount, '2026-11-09 00:00:00')
                    """, [ann.id])
            }
            try await store.read { transaction throws in
                #expect(
                    try transaction.revenueDays() == [
                        "2026-11-06 usd 1 1000 300", "2026-11-07 usd 1 9 0", "2026-11-08 eur 1 500 0",
                        "2026-11-08 usd 1 40 0", "2026-11-09 usd 1 11 0",
                    ])
                #expect(try transaction.revenueDays() == transaction.revenueDaysFromOrders())
            }
            try await store.write { transaction throws in
                try transaction.execute("TRUNCATE orders, refund_log, review_flags, refund_approvals, refund_requests")
            }
            #expect(try await store.read { try $0.revenue(from: "2026-01-01", through: "2026-12-31") } == [])
        }
    }

    @Test("sums at the BIGINT limit saturate like the row scan's, writes go through, and leave no error behind")
    func saturation() async throws {
        try await TestPostgres.withMigratedStore { store throws in
            try await store.write { [ann] transaction throws in
                try transaction.insertCustomer(ann)
                for (id, day) in [("huge-1", "2026-11-05"), ("huge-2", "2026-11-05"), ("huge-3", "2026-11-06")] {
                    try transaction.insertOrder(Samples.order(customerID: ann.id, id: id, createdAt: Samples.time(day)))
                }
                try transaction.insertOrder(
                    Samples.order(
                        customerID: ann.id, id: "small", amountCents: 5, createdAt: Samples.time("2026-11-05")))
                try transaction.execute("UPDATE orders SET refunded_cents = $1 WHERE id LIKE 'huge-%'", [Int.max])
            }
            try await store.read { transaction throws in
                #expect(
                    try transaction.revenue(from: "2026-11-05", through: "2026-11-06").map(\.refundedCents) == [.max])
                #expect(
                    try transaction.revenue(from: "2026-11-06", through: "2026-11-06").map(\.refundedCents) == [.max])
                #expect(try transaction.revenueDays() == transaction.revenueDaysFromOrders())
            }
            try await store.write { transaction throws in
                try transaction.execute("DELETE FROM orders WHERE id IN ('huge-1', 'huge-3')")
                try transaction.execute("UPDATE orders SET refunded_cents = 3 WHERE id = 'huge-2'")
            }
            try await store.read { transaction throws in
                #expect(
                    try transaction.revenue(from: "2026-11-01", through: "2026-11-30") == [
                        CurrencyTotals(currency: "usd", orders: 2, grossCents: 5_004, refundedCents: 3)
                    ])
                #expect(try transaction.revenueDays() == transaction.revenueDaysFromOrders())
            }
        }
    }

    @Test("migrating a version 5 database backfills the rollup from its orders in one pass")
    func backfill() async throws {
        try await TestPostgres.withFreshSchema { url throws in
            let store = try PostgresStore(url: url)
            #expect(try await store.onWorker { try PostgresStore.migrate($0, to: 5) } == [1, 2, 3, 4, 5])
            try await store.write { [ann] transaction throws in
                try transaction.insertCustomer(ann)
                for (index, day) in ["2026-11-05", "2026-11-05 23:59:59.999999", "2026-11-06"].enumerated() {
                    try transaction.insertOrder(
                        Samples.order(
                            customerID: ann.id, id: "o\(index)", amountCents: 1_000 * (index + 1),
                            createdAt: Samples.time(day)))
                }
                try transaction.execute(
                    "INSERT INTO orders (id, customer_id, amount_cents, created_at) VALUES ('legacy', $1, 7, NULL)",
                    [ann.id])
                // The journal as version 5 has it: the application's insert names version 7's columns.
                try transaction.execute(
                    """
                    INSERT INTO refund_log (id, order_id, amount_cents, currency, status, created_at)
                    VALUES ('r1', 'o1', 250, 'usd', 'succeeded', '2026-11-05 12:00:00')
                    """)
            }
            #expect(try await store.applyMigrations().first == 6)
            try await store.read { transaction throws in
                #expect(try transaction.revenueDays() == ["2026-11-05 usd 2 3000 250", "2026-11-06 usd 1 3000 0"])
            }
        }
    }
}
