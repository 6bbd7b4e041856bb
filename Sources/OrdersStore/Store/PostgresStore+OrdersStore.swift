/// PostgreSQL's transactions run on the store's worker threads; the payment service reaches them through the
/// engine-neutral interface.
extension PostgresStore: OrdersStore {
    /// The URL with its password hidden.
    public var displayName: String { url.redacted }

    /// The schema versions, and the server's version and whether TLS is in use.
    public func status() async throws -> StoreStatus {
        let status = try await postgresStatus()
        return StoreStatus(
            schemaVersion: status.schemaVersion, latestSchemaVersion: status.latestVersion,
            server: "PostgreSQL \(status.serverVersion), " + (status.usesTLS ? "TLS in use" : "no TLS"))
    }

    /// Applies the migrations the database lacks.
    public func migrate() async throws {
        try await applyMigrations()
    }

    /// Runs `body` in a read-only transaction; disfavoured so that code holding a `PostgresStore` itself gets the
    /// `read` whose closure takes a `PostgresTransaction`.
    @_disfavoredOverload
    public func read<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T {
        try await read { (transaction: PostgresTransaction) in try body(transaction) }
    }

    /// Runs `body` in a writing transaction; disfavoured as `read` is.
    @_disfavoredOverload
    public func write<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T {
        try await write { (transaction: PostgresTransaction) in try body(transaction) }
    }
}

/// PostgreSQL's transaction handle has every query the payment service needs.
extension PostgresTransaction: OrdersTransaction {
    /// How many customers, orders and journal rows the database holds.
    public func rowCounts() throws -> StoreRowCounts {
        try fetchOne(StoreRowCounts.query) { row in try StoreRowCounts { try row.int($0) } } ?? .zero
    }
}
