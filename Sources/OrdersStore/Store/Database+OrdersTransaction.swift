/// SQLite's transaction handle is the database connection inside `SQLiteStore.read` or `write`; its queries are
/// written for SQLite in `Queries/`.
extension Database: OrdersTransaction {
    /// The order with this id. SQLite needs no row lock: a write transaction (`BEGIN IMMEDIATE`) already keeps
    /// every other writer out until it ends.
    public func lockOrder(id: String) throws -> Order? {
        try order(id: id)
    }

    /// How many customers, orders and journal rows the database holds.
    public func rowCounts() throws -> StoreRowCounts {
        try fetchOne(
            "SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM refund_log)"
        ) { row in StoreRowCounts(customers: try row.int(0), orders: try row.int(1), refundLog: try row.int(2)) }
            ?? StoreRowCounts(customers: 0, orders: 0, refundLog: 0)
    }
}
