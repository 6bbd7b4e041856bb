import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("The revenue_days rollup")
struct RevenueDaysTests {
    let ann = Samples.customer("ann@example.com")
    let bob = Samples.customer("bob@example.com")

    @Test("random writes of every kind, by the store and behind its back, never make the rollup drift")
    func randomWritesNeverDrift() throws {
        var operations = RevenueOperationGenerator(seed: 20_261_127, customerIDs: [ann.id, bob.id])
        let store = try Samples.memoryStore(with: [ann, bob])
        for batch in 0..<60 {
            try store.write { db throws in
                for _ in 0..<50 {
                    if let operation = operations.next(try db.revenueTestState()) { try db.apply(operation) }
                }
            }
            try store.read { db throws in
                for _ in 0..<8 {
                    let (start, end, after) = operations.range()
                    let expected = try db.revenueByScanningOrders(from: start, before: after)
                    #expect(try db.revenue(from: start, through: end) == expected, "batch \(batch): \(start)…\(end)")
                }
                #expect(try db.revenueDays() == db.revenueDaysFromOrders(), "batch \(batch)")
                #expect(try db.emptyRevenueDaysWithSums() == 0)
            }
        }
        let counts = try store.read { db throws in try db.rowCounts() }
        // The run did build up something to sum.
        #expect(counts.orders > 100 && counts.refundLog > 100)
    }

    @Test("an order at the last microsecond of a day counts on that day, one at midnight on the next")
    func dayBoundary() throws {
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            try db.insertOrder(
                Samples.order(
                    customerID: ann.id, id: "late", amountCents: 100,
                    createdAt: Samples.time("2026-11-05 23:59:59.999999")))
            try db.insertOrder(
                Samples.order(
                    customerID: ann.id, id: "midnight", amountCents: 20, createdAt: Samples.time("2026-11-06")))
        }
        try store.read { db throws in
            #expect(try db.revenue(from: "2026-11-05", through: "2026-11-05").map(\.grossCents) == [100])
            #expect(try db.revenue(from: "2026-11-06", through: "2026-11-06").map(\.grossCents) == [20])
            #expect(try db.revenueDays() == ["2026-11-05 usd 1 100 0", "2026-11-06 usd 1 20 0"])
        }
    }

    @Test("legacy timestamps without a fraction, with a T, or with nothing usable are summed as the row scan sums them")
    func legacyTimestamps() throws {
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            for (id, createdAt) in [
                ("plain", SQLValue.text("2026-11-05 10:00:00")), ("t", .text("2026-11-05T11:00:00Z")),
                ("t-fraction", .text("2026-11-06T11:00:00.5")), ("none", .null), ("number", .integer(20_261_105)),
                ("words", .text("yesterday")),
            ] {
                try db.execute(
                    "INSERT INTO orders (id, customer_id, amount_cents, created_at) VALUES (?, ?, 1000, ?)",
                    [id, ann.id, createdAt])
            }
        }
        try store.read { db throws in
            #expect(
                try db.revenue(from: "2026-11-05", through: "2026-11-06") == [
                    CurrencyTotals(currency: "usd", orders: 3, grossCents: 3_000, refundedCents: 0)
                ])
            #expect(try db.revenue(from: "2026-11-05", through: "2026-11-05").map(\.orders) == [2])
            #expect(
                try db.revenue(from: "2000-01-01", through: "2099-12-31")
                    == db.revenueByScanningOrders(from: "2000-01-01", before: "2100-01-01"))
        }
    }

    @Test("INSERT OR REPLACE of an order moves it out of its old day, though SQLite fires no delete trigger")
    func insertOrReplace() throws {
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            try db.insertOrder(
                Samples.order(customerID: ann.id, id: "o1", amountCents: 500, createdAt: Samples.time("2026-11-05")))
            try db.execute(
                """
                INSERT OR REPLACE INTO orders (id, customer_id, amount_cents, currency, created_at)
                VALUES ('o1', ?, 700, 'eur', '2026-11-07 09:00:00.000000')
                """,
                [ann.id])
            try db.execute(
                "INSERT OR IGNORE INTO orders (id, customer_id, amount_cents, created_at) VALUES ('o1', ?, 1, '2026-11-07')",
                [ann.id])
        }
        try store.read { db throws in
            #expect(try db.revenueDays() == ["2026-11-07 eur 1 700 0"])
        }
    }

    @Test("sums at the integer limit saturate like the row scan's, writes go through, and leave no error behind")
    func saturation() throws {
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            for (id, day) in [("huge-1", "2026-11-05"), ("huge-2", "2026-11-05"), ("huge-3", "2026-11-06")] {
                try db.insertOrder(
                    Samples.order(customerID: ann.id, id: id, amountCents: .max, createdAt: Samples.time(day)))
            }
            try db.insertOrder(
                Samples.order(customerID: ann.id, id: "small", amountCents: 5, createdAt: Samples.time("2026-11-05")))
        }
        try store.read { db throws in
            #expect(try db.revenue(from: "2026-11-05", through: "2026-11-06").map(\.grossCents) == [.max])
            #expect(try db.revenue(from: "2026-11-06", through: "2026-11-06").map(\.grossCents) == [.max])
        }
        try store.write { db throws in
            try db.execute("DELETE FROM orders WHERE id LIKE 'huge-%'")
        }
        try store.read { db throws in
            #expect(try db.revenue(from: "2026-11-01", through: "2026-11-30").map(\.grossCents) == [5])
            #expect(try db.revenueDays() == db.revenueDaysFromOrders())
        }
    }

    @Test("migrating a version 5 file backfills the rollup from its orders in one pass")
    func backfill() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/v5.db"
            do {
                let database = try Database(location: .file(path: path))
                try database.migrate(to: 5)
                try database.insertCustomer(ann)
                for (index, day) in ["2026-11-05", "2026-11-05", "2026-11-06"].enumerated() {
                    try database.insertOrder(
                        Samples.order(
                            customerID: ann.id, id: "o\(index)", amountCents: 1_000 * (index + 1),
                            createdAt: Samples.time(day)))
                }
                try database.execute(
                    "INSERT INTO orders (id, customer_id, amount_cents, created_at) VALUES ('legacy', ?, 7, NULL)",
                    [ann.id])
                try database.insertRefundLogEntry(Samples.refund(orderID: "o1", amountCents: 250, status: .succeeded))
            }
            let store = try SQLiteStore(location: .file(path: path))
            try store.read { db throws in
                #expect(try db.revenueDays() == ["2026-11-05 usd 2 3000 250", "2026-11-06 usd 1 3000 0"])
            }
        }
    }
}
