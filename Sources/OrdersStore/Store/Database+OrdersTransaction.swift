/// SQLite's transaction handle is the database connection inside `SQLiteStore.read` or `write`; its queries are
/// written for SQLite in `Queries/`.
extension Database: OrdersTransaction {
    /// How many customers, orders and journal rows the database holds.
    public func rowCounts() throws -> StoreRowCounts {
        try fetchOne(StoreRowCounts.query) { row in try StoreRowCounts { try row.int($0) } } ?? .zero
    }
}
