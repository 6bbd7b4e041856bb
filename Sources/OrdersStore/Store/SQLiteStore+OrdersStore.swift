import Dispatch

/// SQLite's transactions take microseconds, so they run on the calling thread, as the synchronous `read` and
/// `write` do. Only migrating, which can take seconds on a big file, moves to a thread of its own.
extension SQLiteStore: OrdersStore {
    /// The file's path, or `:memory:`.
    public var displayName: String { location.displayPath }

    /// The version in the file's header beside `Schema.latestVersion`.
    public func status() async throws -> StoreStatus {
        StoreStatus(schemaVersion: try read { try $0.schemaVersion }, latestSchemaVersion: Schema.latestVersion)
    }

    /// Migrates on a thread outside Swift's cooperative pool, so that other requests keep being served meanwhile.
    public func migrate() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try self.migrateNow() })
            }
        }
    }

    /// Runs `body` in a deferred transaction on a read connection.
    ///
    /// Disfavoured so that code holding a `SQLiteStore` itself gets the synchronous `read`, whose closure takes
    /// SQLite's `Database`; code holding `any OrdersStore` has only this one.
    @_disfavoredOverload
    public func read<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T {
        try read { (database: Database) in try body(database) }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the writer; disfavoured as `read` is.
    @_disfavoredOverload
    public func write<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T {
        try write { (database: Database) in try body(database) }
    }
}
