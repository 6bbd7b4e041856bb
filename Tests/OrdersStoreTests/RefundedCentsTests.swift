import FoundationEssentials
import Testing

@testable import OrdersStore

/// `orders.refunded_cents` (schema version 3) and `orders.pending_refund_cents` (version 4): backfilled by the
/// migrations, then kept by triggers on every write.
@Suite("Refunded and pending cents kept by the database")
struct RefundedCentsTests {
    let ann = Samples.customer()

    /// A store with orders "a" and "b" of 10,000 cents each.
    private func store() throws -> SQLiteStore {
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            for id in ["a", "b"] {
                try db.insertOrder(Samples.order(customerID: ann.id, id: id, amountCents: 10_000))
            }
        }
        return store
    }

    /// The orders' refunded cents, after checking that they agree with the journal.
    private func refunded(_ store: SQLiteStore) throws -> [String] {
        try store.read { db throws in
            #expect(try db.journalSumMismatches() == [])
            return try db.refundedCents()
        }
    }

    @Test("a succeeded refund counts at once; pending and failed ones do not")
    func insertByStatus() throws {
        let store = try store()
        try store.write { db throws in
            try db.insertRefundLogEntry(Samples.refund(orderID: "a", amountCents: 300, status: .succeeded))
            try db.insertRefundLogEntry(Samples.refund(orderID: "a", amountCents: 500, status: .pending))
            try db.insertRefundLogEntry(Samples.refund(orderID: "a", amountCents: 700, status: .failed))
            try db.insertRefundLogEntry(Samples.refund(orderID: "a", amountCents: 200, status: .succeeded))
        }
        #expect(try refunded(store) == ["a=500", "b=0"])
        #expect(try store.read { try $0.pendingRefundCents() } == ["a=500", "b=0"])
        let totals = try store.read { try $0.refundTotals(orderID: "a") }
        #expect(totals == RefundTotals(succeededCents: 500, pendingCents: 500))
    }

    @Test("settling a pending refund adds it; failing one adds nothing")
    func settleAndFail() throws {
        let store = try store()
        let settled = Samples.refund(orderID: "a", amountCents: 1_200, status: .pending)
        let failed = Samples.refund(orderID: "a", amountCents: 800, status: .pending)
        try store.write { db throws in
            try db.insertRefundLogEntry(settled)
            try db.insertRefundLogEntry(failed)
        }
        #expect(try refunded(store) == ["a=0", "b=0"])
        #expect(try store.read { try $0.pendingRefundCents() } == ["a=2000", "b=0"])
        try store.write { db throws in
            try db.settleRefund(id: settled.id, stripeRefundID: "re_1", completedAt: Samples.instant)
            try db.failRefund(id: failed.id, error: "card_declined", completedAt: Samples.instant)
        }
        #expect(try refunded(store) == ["a=1200", "b=0"])
        #expect(try store.read { try $0.pendingRefundCents() } == ["a=0", "b=0"])
    }

    @Test("deleting a succeeded refund takes it off; deleting a pending one changes nothing")
    func delete() throws {
        let store = try store()
        let succeeded = Samples.refund(orderID: "a", amountCents: 400, status: .succeeded)
        let pending = Samples.refund(orderID: "a", amountCents: 900, status: .pending)
        try store.write { db throws in
            try db.insertRefundLogEntry(succeeded)
            try db.insertRefundLogEntry(pending)
            try db.insertRefundLogEntry(Samples.refund(orderID: "a", amountCents: 100, status: .succeeded))
            try db.execute("DELETE FROM refund_log WHERE id IN (?, ?)", [succeeded.id, pending.id])
        }
        #expect(try refunded(store) == ["a=100", "b=0"])
    }

    @Test("changing a refund's amount, its order, or its status back from succeeded moves the totals")
    func update() throws {
        let store = try store()
        let refund = Samples.refund(orderID: "a", amountCents: 1_000, status: .succeeded)
        try store.write { try $0.insertRefundLogEntry(refund) }
        func change(_ assignment: String) throws {
            try store.write { db in _ = try db.execute("UPDATE refund_log SET \(assignment) WHERE id = ?", [refund.id])
            }
        }
        try change("amount_cents = 600")
        #expect(try refunded(store) == ["a=600", "b=0"])
        try change("order_id = 'b'")
        #expect(try refunded(store) == ["a=0", "b=600"])
        try change("status = 'failed'")
        #expect(try refunded(store) == ["a=0", "b=0"])
    }

    @Test("changing a pending refund's amount, its order, or settling it moves the pending totals")
    func updatePending() throws {
        let store = try store()
        let refund = Samples.refund(orderID: "a", amountCents: 500, status: .pending)
        try store.write { try $0.insertRefundLogEntry(refund) }
        func change(_ assignment: String) throws -> [String] {
            try store.write { db in _ = try db.execute("UPDATE refund_log SET \(assignment) WHERE id = ?", [refund.id])
            }
            return try store.read { db in [try db.pendingRefundCents(), try db.refundedCents()].joined().map { $0 } }
        }
        #expect(try change("amount_cents = 400") == ["a=400", "b=0", "a=0", "b=0"])
        #expect(try change("order_id = 'b'") == ["a=0", "b=400", "a=0", "b=0"])
        #expect(try change("status = 'succeeded'") == ["a=0", "b=0", "a=0", "b=400"])
        #expect(try store.read { try $0.journalSumMismatches() } == [])
    }

    @Test("a refund written the legacy way, without a status, counts as succeeded")
    func legacyInsert() throws {
        let store = try store()
        try store.write { db throws in
            try db.insertLegacyRefund(id: "legacy-1", orderID: "b", amountCents: 2_500)
            #expect(try db.refundLogEntry(id: "legacy-1")?.status == .succeeded)
        }
        #expect(try refunded(store) == ["a=0", "b=2500"])
        let revenue = try store.read { try $0.revenue(from: "2026-11-27", through: "2026-11-27") }
        #expect(revenue == [CurrencyTotals(currency: "usd", orders: 2, grossCents: 20_000, refundedCents: 2_500)])
    }

    @Test("a journal row overwritten by INSERT OR REPLACE counts as its new self, though no delete trigger fires")
    func replacedRefund() throws {
        let store = try store()
        try store.write { db throws in
            try db.insertLegacyRefund(id: "r1", orderID: "a", amountCents: 3_000)
            try db.execute(
                """
                INSERT OR REPLACE INTO refund_log (id, order_id, amount_cents, status, created_at)
                VALUES ('r1', 'a', 3000, 'pending', '2026-11-27 16:21:52.929971')
                """)
        }
        #expect(try refunded(store) == ["a=0", "b=0"])
    }

    @Test("an order rewritten by INSERT OR REPLACE keeps its refunds")
    func replacedOrder() throws {
        let store = try store()
        try store.write { db throws in
            try db.insertLegacyRefund(id: "r1", orderID: "a", amountCents: 3_000)
            try db.insertRefundLogEntry(Samples.refund(orderID: "a", amountCents: 700, status: .pending))
            try db.execute(
                """
                INSERT OR REPLACE INTO orders (id, customer_id, amount_cents, currency, status, created_at)
                VALUES ('a', ?, 10000, 'usd', 'partially_refunded', '2026-11-27 16:21:52.929971')
                """,
                [ann.id])
        }
        #expect(try refunded(store) == ["a=3000", "b=0"])
        #expect(try store.read { try $0.pendingRefundCents() } == ["a=700", "b=0"])
    }

    @Test("a version 2 file with refunds is backfilled exactly when it is migrated")
    func backfillFromVersion2() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/v2.db"
            do {
                let database = try Database(location: .file(path: path))
                try database.migrate(to: 2)
                try database.insertCustomer(ann)
                for (id, currency) in [("a", "usd"), ("b", "usd"), ("c", "eur"), ("d", "jpy")] {
                    try database.insertOrder(
                        Samples.order(customerID: ann.id, id: id, amountCents: 10_000, currency: currency))
                }
                for refund in [
                    Samples.refund(orderID: "a", amountCents: 1_000, status: .succeeded),
                    Samples.refund(orderID: "a", amountCents: 250, status: .succeeded),
                    Samples.refund(orderID: "a", amountCents: 4_000, status: .pending),
                    Samples.refund(orderID: "b", amountCents: 10_000, status: .failed),
                    Samples.refund(orderID: "c", amountCents: 10_000, currency: "eur", status: .succeeded),
                ] {
                    try database.insertRefundLogEntry(refund)
                }
                try database.insertLegacyRefund(id: "legacy", orderID: "d", amountCents: 70)
                #expect(try database.schemaVersion == 2)
            }
            let store = try SQLiteStore(location: .file(path: path))
            try store.read { db throws in
                #expect(try db.schemaVersion == 7)
                #expect(try db.refundedCents() == ["a=1250", "b=0", "c=10000", "d=70"])
                #expect(try db.pendingRefundCents() == ["a=4000", "b=0", "c=0", "d=0"])
                #expect(try db.journalSumMismatches() == [])
                #expect(
                    try db.customerTotals(customerID: ann.id) == [
                        CurrencyTotals(currency: "eur", orders: 1, grossCents: 10_000, refundedCents: 10_000),
                        CurrencyTotals(currency: "jpy", orders: 1, grossCents: 10_000, refundedCents: 70),
                        CurrencyTotals(currency: "usd", orders: 2, grossCents: 20_000, refundedCents: 1_250),
                    ])
            }
        }
    }

    @Test("a version 3 file's pending refunds are summed when it is migrated, and kept from then on")
    func backfillFromVersion3() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/v3.db"
            let settling = Samples.refund(orderID: "a", amountCents: 600, status: .pending)
            do {
                let database = try Database(location: .file(path: path))
                try database.migrate(to: 3)
                try database.insertCustomer(ann)
                for id in ["a", "b", "c"] {
                    try database.insertOrder(Samples.order(customerID: ann.id, id: id, amountCents: 10_000))
                }
                // Version 3 never summed pending rows, so another system could leave an impossible sum behind.
                for refund in [
                    Samples.refund(orderID: "c", amountCents: .max, status: .pending),
                    Samples.refund(orderID: "c", amountCents: 1, status: .pending),
                    settling, Samples.refund(orderID: "a", amountCents: 150, status: .pending),
                    Samples.refund(orderID: "a", amountCents: 100, status: .succeeded),
                    Samples.refund(orderID: "b", amountCents: 900, status: .failed),
                ] {
                    try database.insertRefundLogEntry(refund)
                }
            }
            let store = try SQLiteStore(location: .file(path: path))
            try store.read { db throws in
                #expect(try db.schemaVersion == 7)
                #expect(try db.pendingRefundCents() == ["a=750", "b=0", "c=\(Int.max)"])
            }
            try store.write {
                try $0.settleRefund(id: settling.id, stripeRefundID: "re_1", completedAt: Samples.instant)
            }
            #expect(try store.read { try $0.pendingRefundCents() } == ["a=150", "b=0", "c=\(Int.max)"])
            #expect(try store.read { try $0.refundedCents() } == ["a=700", "b=0", "c=0"])
        }
    }

    @Test("a legacy file goes straight to the latest version with its refunds summed and its flags not counted")
    func legacyStraightToLatest() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/payments.db"
            try LegacyDatabase.create(at: path)
            let store = try SQLiteStore(location: .file(path: path))
            try store.read { db throws in
                #expect(try db.schemaVersion == 7)
                #expect(try db.refundedCents() == ["o1=0", "o2=10000", "o3=1500", "o4=100"])
                #expect(try db.journalSumMismatches() == [])
            }
        }
    }

    @Test("a fresh file starts every new order at zero and sums its refunds from then on")
    func freshFile() throws {
        try withTemporaryDirectory { directory throws in
            let store = try SQLiteStore(location: .file(path: directory + "/fresh.db"))
            try store.write { db throws in
                try db.insertCustomer(ann)
                try db.insertOrder(Samples.order(customerID: ann.id, id: "a"))
                #expect(try db.refundedCents() == ["a=0"])
                try db.insertRefundLogEntry(Samples.refund(orderID: "a", amountCents: 99, status: .succeeded))
                #expect(try db.refundedCents() == ["a=99"])
            }
        }
    }
}
