import Synchronization

/// The orders database behind a lock: one SQLite connection, migrated on open, used one closure at a time.
///
/// `Sendable`, so every part of the server can share one store. Each `read` or `write` runs in its own
/// transaction; business code never says `BEGIN` or `COMMIT`.
public final class OrdersStore: Sendable {
    /// The connection. `nonisolated(unsafe)` because `Database` is deliberately not `Sendable`. Safe because it is
    /// touched only inside `lock.withLock`, which lets one thread in at a time, and is lent to non-escaping closures
    /// that must not keep it (documented on `read` and `write`). `Mutex<Database>` itself cannot be used: its
    /// `withLock` demands a result that region checking can prove independent of the value, which a generic `T`
    /// computed from the connection never is.
    nonisolated(unsafe) private let database: Database
    private let lock = Mutex(())

    /// Opens (creating if missing) and migrates the database a `DATABASE_URL` names.
    ///
    /// - Throws: `StoreError` for a bad URL, a newer schema, a file that is not a database or cannot be written;
    ///   `SQLiteError` for anything else.
    public convenience init(url: String) throws {
        try self.init(location: DatabaseLocation(url: url))
    }

    /// Opens (creating if missing) and migrates the database at `location`.
    public convenience init(location: DatabaseLocation) throws {
        try self.init(location: location, busyTimeout: Database.defaultBusyTimeout)
    }

    /// Opens and migrates with a chosen busy timeout: how long a write waits for another connection's lock.
    public init(location: DatabaseLocation, busyTimeout: Duration) throws {
        database = try Self.mappingFileErrors(at: location) {
            let database = try Database(location: location, busyTimeout: busyTimeout)
            try database.migrate()
            return database
        }
    }

    /// Runs `body` in a deferred transaction, so every query in it sees one snapshot.
    ///
    /// The `Database` is lent for the duration of `body`; do not keep it.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try serialized(.deferred, body)
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: commits when it returns, rolls back when it throws.
    ///
    /// Waits up to the busy timeout for another connection's write lock, then throws a busy `SQLiteError`.
    /// The `Database` is lent for the duration of `body`; do not keep it.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try serialized(.immediate, body)
    }

    /// Runs one transaction while holding the lock.
    private func serialized<T>(_ kind: Database.TransactionKind, _ body: (Database) throws -> T) throws -> T {
        // `withLock` insists its result can be sent elsewhere, and a `T` made from `body` cannot be proven so.
        // It is never sent: it goes straight back to the caller, on the caller's thread, after the lock is released.
        nonisolated(unsafe) var outcome: Result<T, any Error>?
        lock.withLock { _ in
            outcome = Result { try database.transaction(kind, body) }
        }
        guard let outcome else { preconditionFailure("withLock runs its closure before returning") }
        return try outcome.get()
    }

    /// Turns "this file cannot be used" SQLite errors from opening and migrating into clear `StoreError`s.
    private static func mappingFileErrors(at location: DatabaseLocation, _ open: () throws -> Database) throws
        -> Database
    {
        do {
            return try open()
        } catch let error as SQLiteError {
            throw Database.storeError(for: error, at: location) ?? error
        }
    }
}
