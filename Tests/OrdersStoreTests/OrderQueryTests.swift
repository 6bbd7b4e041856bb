import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Order queries on SQLite")
struct OrderQueryTests {
    let ann = Samples.customer("ann@example.com")
    let bob = Samples.customer("bob@example.com")

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
