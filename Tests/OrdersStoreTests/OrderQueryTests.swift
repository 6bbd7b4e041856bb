import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Order queries")
struct OrderQueryTests {
    let ann = Samples.customer("ann@example.com")
    let bob = Samples.customer("bob@example.com")

    @Test("orders are found by id and by PaymentIntent, in one query for a page of PaymentIntents")
    func lookups() throws {
        let store = try Samples.memoryStore(with: [ann, bob])
        let first = Samples.order(customerID: ann.id, paymentIntentID: "pi_first")
        let second = Samples.order(customerID: bob.id, amountCents: 700, currency: "jpy", paymentIntentID: "pi_second")
        try store.write { db throws in
            try db.insertOrder(first)
            try db.insertOrder(second)
        }
        try store.read { db throws in
            #expect(try db.order(id: first.id) == first)
            #expect(try db.order(paymentIntentID: "pi_second") == second)
            #expect(try db.order(paymentIntentID: "pi_none") == nil)
            #expect(
                try db.orders(paymentIntentIDs: ["pi_first", "pi_second", "pi_none", "pi_first"])
                    == ["pi_first": first, "pi_second": second])
            #expect(try db.orders(paymentIntentIDs: []) == [:])
        }
    }

    @Test("a page of order history reads only its covering index, already in order", arguments: [false, true])
    func historyQueryPlan(afterCursor: Bool) throws {
        let store = try Samples.memoryStore(with: [ann])
        let sql = "EXPLAIN QUERY PLAN SELECT \(RefundedOrder.columns) \(Database.pageTail(afterCursor: afterCursor))"
        let arguments: [any SQLBindable] = afterCursor ? [ann.id, "2026-11-27", "o1", 51] : [ann.id, 51]
        let plan = try store.read { db in try db.fetchAll(sql, arguments) { try $0.string(3) } }
        let condition = afterCursor ? "customer_id=? AND (created_at,id)<(?,?)" : "customer_id=?"
        #expect(plan.first == "SEARCH orders USING COVERING INDEX ix_orders_customer_history (\(condition))")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    }

    @Test("a long list of PaymentIntents is looked up in chunks")
    func longPaymentIntentList() throws {
        let store = try Samples.memoryStore(with: [ann])
        let orders = (0..<1_100).map { Samples.order(customerID: ann.id, paymentIntentID: "pi_\($0)") }
        try store.write { db throws in
            for order in orders { try db.insertOrder(order) }
        }
        let found = try store.read { try $0.orders(paymentIntentIDs: orders.compactMap(\.paymentIntentID)) }
        #expect(found.count == 1_100)
        #expect(found["pi_1099"] == orders[1_099])
    }

    @Test("keyset paging lists newest first and stays stable while orders are inserted")
    func keysetPagingIsStable() throws {
        let store = try Samples.memoryStore(with: [ann, bob])
        // Thirty orders over ten distinct times, so ties on created_at are broken by id.
        let original: [Order] = (0..<30).map { (index: Int) -> Order in
            let id = index < 10 ? "order-0\(index)" : "order-\(index)"
            let minutes = Double(index / 3) * 60
            return Samples.order(customerID: ann.id, id: id, createdAt: Samples.instant.addingTimeInterval(minutes))
        }
        try store.write { db throws in
            for order in original.shuffled() { try db.insertOrder(order) }
            try db.insertOrder(Samples.order(customerID: bob.id))
        }
        var listed: [Order] = []
        var cursor: OrderCursor?
        var inserted = 0
        repeat {
            let page = try store.read { try $0.orders(customerID: ann.id, limit: 7, after: cursor) }
            listed += page
            cursor = page.last.map(OrderCursor.init(after:))
            // Newer orders arrive between pages, including one tied with the newest original time.
            try store.write { db throws in
                inserted += 1
                try db.insertOrder(
                    Samples.order(
                        customerID: ann.id, id: "late-\(inserted)",
                        createdAt: Samples.instant.addingTimeInterval(inserted == 1 ? 9 * 60 : 3_600)))
            }
        } while cursor != nil
        let expected = original.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        #expect(listed.map(\.id) == expected.map(\.id))
        #expect(inserted == 6)
    }

    @Test("the most recent order in a status, counts by status, and status updates")
    func statusQueries() throws {
        let store = try Samples.memoryStore(with: [ann])
        let old = Samples.order(customerID: ann.id, createdAt: Samples.time("2026-01-01 00:00:00"))
        let recent = Samples.order(customerID: ann.id, createdAt: Samples.time("2026-06-01 00:00:00"))
        let refunded = Samples.order(
            customerID: ann.id, status: .refunded, createdAt: Samples.time("2026-07-01 00:00:00"))
        try store.write { db throws in
            for order in [old, recent, refunded] { try db.insertOrder(order) }
        }
        try store.read { db throws in
            #expect(try db.mostRecentOrder(customerID: ann.id, status: .paid) == recent)
            #expect(try db.mostRecentOrder(customerID: ann.id, status: .partiallyRefunded) == nil)
            #expect(
                try db.orderCounts(customerID: ann.id)
                    == OrderCounts(total: 3, paid: 2, partiallyRefunded: 0, refunded: 1))
            #expect(
                try db.orderCounts(customerID: "nobody")
                    == OrderCounts(total: 0, paid: 0, partiallyRefunded: 0, refunded: 0))
        }
        try store.write { try $0.setOrderStatus(.partiallyRefunded, orderID: recent.id) }
        let updated = try store.read { try $0.order(id: recent.id) }
        #expect(updated?.status == .partiallyRefunded)
        #expect {
            try store.write { try $0.setOrderStatus(.refunded, orderID: "missing") }
        } throws: { error in
            (error as? StoreError)?.message == "No row in orders has that id"
        }
    }

    @Test("a stored status this binary does not know is reported by column, not by value")
    func unknownStatus() throws {
        let store = try Samples.memoryStore(with: [ann])
        let order = Samples.order(customerID: ann.id)
        try store.write { db throws in
            try db.insertOrder(order)
            try db.execute("UPDATE orders SET status = 'disputed'")
        }
        #expect {
            try store.read { try $0.order(id: order.id) }
        } throws: { error in
            (error as? StoreError)?.message == "A stored value in column status cannot be read"
        }
    }
}
