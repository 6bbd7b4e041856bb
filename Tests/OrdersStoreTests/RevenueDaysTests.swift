import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("The revenue_days rollup")
struct RevenueDaysTests {
    let ann = Samples.customer("ann@example.com")
    let bob = Samples.customer("bob@example.com")

    /// The days the random orders fall on (November 2026) and the ranges asked about (a few days either side).
    static let days = (1...30).map { "2026-11-" + padded($0, 2) }

    /// `value` in decimal, zero-padded to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    @Test("random writes of every kind, by the store and behind its back, never make the rollup drift")
    func randomWritesNeverDrift() throws {
        var random = SeededGenerator(seed: 20_261_127)
        let store = try Samples.memoryStore(with: [ann, bob])
        var serial = 0
        for batch in 0..<60 {
            try store.write { db throws in
                for _ in 0..<50 {
                    serial += 1
                    try applyRandomOperation(db, serial: serial, using: &random)
                }
            }
            try store.read { db throws in
                for _ in 0..<8 {
                    let first = Int.random(in: 0..<Self.days.count + 4, using: &random) - 2
                    let last = first + Int.random(in: 0..<12, using: &random)
                    let (start, end) = (Self.day(first), Self.day(last))
                    let expected = try db.revenueByScanningOrders(from: start, before: Self.day(last + 1))
                    #expect(try db.revenue(from: start, through: end) == expected, "batch \(batch): \(start)…\(end)")
                }
                #expect(try db.revenueDays() == db.revenueDaysFromOrders(), "batch \(batch)")
                #expect(try db.emptyRevenueDaysWithSums() == 0)
            }
        }
        let counts = try store.read { db throws in
            try db.fetchOne("SELECT COUNT(*) AS orders, (SELECT COUNT(*) FROM refund_log) AS refunds FROM orders") {
                (try $0.int("orders"), try $0.int("refunds"))
            }
        }
        // The run did build up something to sum.
        #expect((counts?.0 ?? 0) > 100 && (counts?.1 ?? 0) > 100)
    }

    /// One random write: through the store's API or as raw SQL another system might run.
    private func applyRandomOperation(_ db: Database, serial: Int, using random: inout SeededGenerator) throws {
        let orderIDs = try db.fetchAll("SELECT id FROM orders ORDER BY id") { try $0.string("id") }
        let someOrder = orderIDs.randomElement(using: &random)
        let customer = Bool.random(using: &random) ? ann.id : bob.id
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<20:
            try db.insertOrder(
                Samples.order(
                    customerID: customer, id: "o\(serial)", amountCents: amount(using: &random),
                    currency: ["usd", "eur", "jpy"].randomElement(using: &random)!,
                    status: OrderStatus.allCases.randomElement(using: &random)!,
                    createdAt: Samples.time(timestamp(using: &random))))
        case 20..<30:
            // Another system's insert: legacy columns, any timestamp shape, maybe no currency.
            try db.execute(
                "INSERT INTO orders (id, customer_id, amount_cents, currency, created_at) VALUES (?, ?, ?, ?, ?)",
                [
                    "o\(serial)", customer, amount(using: &random),
                    ["usd", "eur", nil].randomElement(using: &random)!, rawTimestamp(using: &random),
                ])
        case 30..<38:
            guard let someOrder else { return }
            try db.execute(
                "UPDATE orders SET amount_cents = ? WHERE id = ?", [amount(using: &random), someOrder])
        case 38..<44:
            guard let someOrder else { return }
            let currency: String? = ["usd", "eur", "jpy", nil].randomElement(using: &random)!
            try db.execute("UPDATE orders SET currency = ? WHERE id = ?", [currency, someOrder])
        case 44..<52:
            guard let someOrder else { return }
            try db.execute("UPDATE orders SET created_at = ? WHERE id = ?", [rawTimestamp(using: &random), someOrder])
        case 52..<56:
            guard let someOrder else { return }
            try db.setOrderStatus(OrderStatus.allCases.randomElement(using: &random)!, orderID: someOrder)
        case 56..<60:
            guard let someOrder else { return }
            try db.execute("DELETE FROM refund_log WHERE order_id = ?", [someOrder])
            try db.execute("DELETE FROM orders WHERE id = ?", [someOrder])
        case 60..<66:
            // INSERT OR REPLACE of an existing order: SQLite deletes the old row without a delete trigger.
            guard let someOrder else { return }
            try db.execute(
                """
                INSERT OR REPLACE INTO orders (id, customer_id, amount_cents, currency, status, created_at)
                VALUES (?, ?, ?, ?, 'paid', ?)
                """,
                [
                    someOrder, customer, amount(using: &random), ["usd", "jpy", nil].randomElement(using: &random)!,
                    rawTimestamp(using: &random),
                ])
        case 66..<69:
            // Ignored and upserting inserts fire the BEFORE INSERT trigger but no AFTER INSERT one.
            guard let someOrder else { return }
            if Bool.random(using: &random) {
                try db.execute(
                    "INSERT OR IGNORE INTO orders (id, customer_id, amount_cents, created_at) VALUES (?, ?, 1, ?)",
                    [someOrder, customer, "2026-11-03 10:00:00"])
            } else {
                try db.execute(
                    """
                    INSERT INTO orders (id, customer_id, amount_cents, created_at) VALUES (?, ?, 1, '2026-11-03')
                    ON CONFLICT (id) DO UPDATE SET amount_cents = amount_cents + 7
                    """,
                    [someOrder, customer])
            }
        case 69..<80:
            guard let someOrder else { return }
            let status = RefundLogStatus.allCases.randomElement(using: &random)!
            try db.insertRefundLogEntry(
                Samples.refund(
                    orderID: someOrder, amountCents: Int.random(in: 1...3_000, using: &random), status: status,
                    id: "r\(serial)"))
        case 80..<88:
            let pending = try db.fetchAll("SELECT id FROM refund_log WHERE status = 'pending' ORDER BY id") {
                try $0.string("id")
            }
            guard let refund = pending.randomElement(using: &random) else { return }
            if Bool.random(using: &random) {
                try db.settleRefund(id: refund, stripeRefundID: "re_\(serial)", completedAt: Samples.instant)
            } else {
                try db.failRefund(id: refund, error: "declined", completedAt: Samples.instant)
            }
        case 88..<92:
            guard let someOrder else { return }
            try db.insertLegacyRefund(id: "r\(serial)", orderID: someOrder, amountCents: 125)
        case 92..<96:
            // A journal row changed behind the store's back: amount, status, or moved to another order.
            let refunds = try db.fetchAll("SELECT id FROM refund_log ORDER BY id") { try $0.string("id") }
            guard let refund = refunds.randomElement(using: &random), let someOrder else { return }
            try db.execute(
                "UPDATE refund_log SET amount_cents = ?, status = ?, order_id = ? WHERE id = ?",
                [
                    Int.random(in: 0...5_000, using: &random),
                    RefundLogStatus.allCases.randomElement(using: &random)!.rawValue, someOrder, refund,
                ])
        default:
            let refunds = try db.fetchAll("SELECT id FROM refund_log ORDER BY id") { try $0.string("id") }
            guard let refund = refunds.randomElement(using: &random), let someOrder else { return }
            try db.execute(
                """
                INSERT OR REPLACE INTO refund_log (id, order_id, amount_cents, status, created_at)
                VALUES (?, ?, ?, 'succeeded', '2026-11-27 10:00:00')
                """,
                [refund, someOrder, Int.random(in: 1...900, using: &random)])
        }
    }

    /// Mostly ordinary amounts; now and then one at the integer limit, which saturates every sum it is in.
    private func amount(using random: inout SeededGenerator) -> Int {
        Int.random(in: 0..<200, using: &random) == 0 ? Int.max : Int.random(in: 0...90_000, using: &random)
    }

    /// A time on one of the days, in the store's own format.
    private func timestamp(using random: inout SeededGenerator) -> String {
        let day = Self.days.randomElement(using: &random)!
        let hour = Int.random(in: 0..<24, using: &random)
        let minute = Int.random(in: 0..<60, using: &random)
        let micros = Int.random(in: 0..<1_000_000, using: &random)
        if Int.random(in: 0..<10, using: &random) == 0 { return "\(day) 23:59:59.999999" }
        let second = Int.random(in: 0..<60, using: &random)
        return
            "\(day) \(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2)).\(Self.padded(micros, 6))"
    }

    /// Any timestamp another system might write: the store's format, no fraction, a `T` and a `Z`, a bare date,
    /// or no time at all.
    private func rawTimestamp(using random: inout SeededGenerator) -> SQLValue {
        let text = timestamp(using: &random)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return .null
        case 1: return .integer(20_261_105)
        case 2: return .text("not a time")
        case 3: return .text(String(text.prefix(19)))
        case 4: return .text(text.prefix(10) + "T" + text.dropFirst(11) + "Z")
        case 5: return .text(String(text.prefix(10)))
        default: return .text(text)
        }
    }

    /// The `YYYY-MM-DD` of November 2026's day `index + 1`, running into the months either side.
    private static func day(_ index: Int) -> String {
        StoreTimestamp.dayText(Samples.time("2026-11-01").addingTimeInterval(Double(index) * 86_400))
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
