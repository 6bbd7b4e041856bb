import Synchronization

/// The orders database: one connection that writes, behind a lock, and read-only connections that read side by side.
///
/// `Sendable`, so every part of the server can share one store. Each `read` or `write` runs in its own
/// transaction; business code never says `BEGIN` or `COMMIT`. A file database in WAL mode lets readers run without
/// waiting for each other or for the writer, so concurrent tool calls read in parallel instead of queueing on one
/// lock. Without WAL (an in-memory database exists only inside its one connection; some file systems refuse WAL)
/// every read takes the writer's turn instead.
public final class SQLiteStore: Sendable {
    /// The connection that migrates and writes. `nonisolated(unsafe)` because `Database` is deliberately not
    /// `Sendable`. Safe because it is touched only inside `writerLock.withLock`, which lets one thread in at a time,
    /// and is lent to non-escaping closures that must not keep it (documented on `read` and `write`).
    /// `Mutex<Database>` itself cannot be used: its `withLock` demands a result that region checking can prove
    /// independent of the value, which a generic `T` computed from the connection never is.
    nonisolated(unsafe) private let writer: Database
    private let writerLock = Mutex(())
    /// Read-only connections not in use; a read takes one and puts it back, so there are only ever as many as
    /// reads have run at once. `nonisolated(unsafe)` for the reason given on `writer`; touched only inside
    /// `readersLock.withLock`, and a connection taken out is used by one thread until it is put back.
    nonisolated(unsafe) private var idleReaders: [Database] = []
    private let readersLock = Mutex(())
    private let busyTimeout: Duration
    private let busyObserver: Database.BusyObserver?
    /// Whether reads get connections of their own: only in WAL mode do they run beside the writer.
    private let readsSideBySide: Atomic<Bool>

    /// How many idle read connections are kept; more are closed when put back. Each holds a page cache of up to
    /// 2 MB, and reads run at once only as many as the threads running tasks, two on a two-core machine.
    static let maximumIdleReaders = 4

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
    public convenience init(location: DatabaseLocation, busyTimeout: Duration) throws {
        try self.init(location: location, busyTimeout: busyTimeout, busyObserver: nil)
    }

    /// Opens (creating if missing) the database a `DATABASE_URL` names, migrating it or only checking that this
    /// binary can use it; a store opened without migrating is migrated later by `migrate()`.
    public convenience init(url: String, migrating: Bool) throws {
        try self.init(
            location: DatabaseLocation(url: url), busyTimeout: Database.defaultBusyTimeout, busyObserver: nil,
            migrating: migrating)
    }

    /// Opens, and migrates unless told not to; every connection tells `busyObserver` whenever it waits for another's
    /// lock.
    init(
        location: DatabaseLocation, busyTimeout: Duration, busyObserver: Database.BusyObserver?,
        migrating: Bool = true
    ) throws {
        self.busyTimeout = busyTimeout
        self.busyObserver = busyObserver
        writer = try Self.mappingFileErrors(at: location) {
            let database = try Database(location: location, busyTimeout: busyTimeout, busyObserver: busyObserver)
            if migrating {
                try database.migrate()
            } else {
                try database.prepareForUse()
            }
            return database
        }
        readsSideBySide = Atomic(try Self.isInWALMode(writer))
    }

    deinit {
        // Read connections close first, so that the writer is the last connection and folds the WAL back into the
        // file: a read-only connection cannot, and the file alone would then lack the latest commits.
        readersLock.withLock { _ in idleReaders.removeAll() }
    }

    /// Runs `body` in a deferred transaction, so every query in it sees one snapshot.
    ///
    /// On a file database `body` gets a read-only connection: writing from it fails with `SQLITE_READONLY`.
    /// The `Database` is lent for the duration of `body`; do not keep it.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        guard readsSideBySide.load(ordering: .acquiring) else { return try serialized(.deferred, body) }
        let reader = try takeReader()
        defer { putBack(reader) }
        return try reader.transaction(.deferred, body)
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: commits when it returns, rolls back when it throws.
    ///
    /// Waits up to the busy timeout for another connection's write lock, then throws a busy `SQLiteError`.
    /// The `Database` is lent for the duration of `body`; do not keep it.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try serialized(.immediate, body)
    }

    /// Where the database is.
    public var location: DatabaseLocation { writer.location }

    /// Applies the migrations the file lacks, one transaction each, taking turns with other processes.
    public func migrateNow() throws {
        let inWALMode = try Self.mappingFileErrors(at: writer.location) {
            try writerLock.withLock { _ in
                try writer.migrate()
                return try Self.isInWALMode(writer)
            }
        }
        // A file that was behind switches to WAL once migrated; from then on reads run beside the writer.
        readsSideBySide.store(inWALMode, ordering: .releasing)
    }

    /// Whether the connection's database is in WAL mode, where readers run beside the writer.
    private static func isInWALMode(_ database: Database) throws -> Bool {
        try database.fetchOne("PRAGMA journal_mode") { try $0.string("journal_mode") } == "wal"
    }

    /// An idle read-only connection, or a new one when every reader is busy.
    private func takeReader() throws -> Database {
        if let idle = readersLock.withLock({ _ in idleReaders.popLast() }) { return idle }
        return try Database(
            location: writer.location, busyTimeout: busyTimeout, access: .readOnly, busyObserver: busyObserver)
    }

    /// Keeps a reader for the next read, unless enough are idle or its transaction is still open (a failed
    /// rollback): such a connection would refuse every `BEGIN` and hold back checkpoints, so it is closed instead.
    private func putBack(_ reader: Database) {
        guard !reader.isInTransaction else { return }
        readersLock.withLock { _ in
            if idleReaders.count < Self.maximumIdleReaders { idleReaders.append(reader) }
        }
    }

    /// Runs one transaction on the writer while holding its lock.
    private func serialized<T>(_ kind: Database.TransactionKind, _ body: (Database) throws -> T) throws -> T {
        // `withLock` insists its result can be sent elsewhere, and a `T` made from `body` cannot be proven so.
        // It is never sent: it goes straight back to the caller, on the caller's thread, after the lock is released.
        nonisolated(unsafe) var outcome: Result<T, any Error>?
        writerLock.withLock { _ in
            outcome = Result { try writer.transaction(kind, body) }
        }
        guard let outcome else { preconditionFailure("withLock runs its closure before returning") }
        return try outcome.get()
    }

    /// Turns "this file cannot be used" SQLite errors from opening and migrating into clear `StoreError`s.
    private static func mappingFileErrors<T>(at location: DatabaseLocation, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw Database.storeError(for: error, at: location) ?? error
        }
    }
}
