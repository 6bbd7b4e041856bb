import CSQLite

/// One SQLite connection: owns the `sqlite3` handle and a cache of prepared statements.
///
/// Not `Sendable`: reach it through `SQLiteStore.read` or `SQLiteStore.write`, which serialize every use and wrap
/// it in a transaction. The query methods live in extensions (`Database+Customers.swift`, …).
public final class Database {
    /// The default wait for another connection's lock (other systems write to this database too).
    public static let defaultBusyTimeout: Duration = .seconds(5)

    /// Where this connection's database lives.
    public let location: DatabaseLocation
    let handle: OpaquePointer
    /// Prepared statements by SQL text; finalized before the connection closes.
    private var statements: [String: Statement] = [:]

    /// What a connection may do.
    enum Access {
        /// Reads and writes; creates the file when it is missing.
        case readWrite
        /// Only reads an existing file; any write fails with `SQLITE_READONLY`.
        case readOnly
    }

    /// Whether this connection may write.
    let access: Access
    /// How long a statement waits for another connection's lock.
    let busyTimeout: Duration
    /// How long the current busy wait may last: `busyTimeout`, or longer while migrating.
    var busyWaitLimit: Duration
    /// When the current busy wait began.
    var busySince: ContinuousClock.Instant?
    /// Told how long the connection has waited each time its busy wait retries (see `BusyObserver`).
    let busyObserver: BusyObserver?

    /// Called from a connection's busy wait, on the waiting thread, before each retry, with how long the wait has
    /// lasted: tests learn from it that a connection is blocked on another's lock instead of hoping so.
    typealias BusyObserver = @Sendable (_ waited: Duration) -> Void

    /// Opens the database and configures the connection; does not migrate.
    ///
    /// - Parameters:
    ///   - busyTimeout: how long a statement waits for another connection's lock before failing as busy.
    ///   - access: `.readWrite` creates a missing file; `.readOnly` needs an existing one.
    ///   - busyObserver: told each time the busy wait retries.
    /// - Throws: `StoreError.readOnly` when SQLite could open the file only for reading although `.readWrite` was
    ///   asked for.
    init(
        location: DatabaseLocation, busyTimeout: Duration = defaultBusyTimeout, access: Access = .readWrite,
        busyObserver: BusyObserver? = nil
    ) throws {
        // NOMUTEX: SQLite's own per-connection mutex is redundant, every use is serialized by the owner.
        let modes =
            switch access {
            case .readWrite: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            case .readOnly: SQLITE_OPEN_READONLY
            }
        let flags = modes | SQLITE_OPEN_NOMUTEX
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(location.displayPath, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            // SQLite allocates a handle even when opening fails; it carries the message and must be closed.
            let message = opened.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open"
            sqlite3_close(opened)
            let error = SQLiteError(resultCode: code, message: message, sql: nil)
            throw Self.storeError(for: error, at: location) ?? error
        }
        self.handle = opened
        self.location = location
        self.access = access
        self.busyTimeout = busyTimeout
        self.busyWaitLimit = busyTimeout
        self.busyObserver = busyObserver
        // SQLite quietly falls back to read-only when the file cannot be opened for writing; refuse that up front
        // rather than fail at the first refund.
        guard access == .readOnly || sqlite3_db_readonly(handle, "main") != 1 else {
            throw StoreError.readOnly(path: location.displayPath)
        }
        sqlite3_extended_result_codes(handle, 1)
        installBusyHandler()
        try execute("PRAGMA foreign_keys = ON")
        // ANALYZE (after a migration, and inside `PRAGMA optimize`) samples this many rows per index instead of
        // reading whole tables, so it takes milliseconds on a million orders.
        try execute("PRAGMA analysis_limit = \(Self.analysisLimit)")
    }

    deinit {
        statements.removeAll()
        // Refreshes the planner's statistics where this connection's queries relied on them and the tables have
        // grown since; usually a no-op. Its outcome cannot be acted on while closing. A read-only connection
        // cannot write the statistics.
        if access == .readWrite { sqlite3_exec(handle, "PRAGMA optimize", nil, nil, nil) }
        sqlite3_close(handle)
    }

    /// Sets how long a statement waits for another connection's lock before failing as busy.
    func setBusyTimeout(_ timeout: Duration) {
        busyWaitLimit = timeout
    }

    /// Rows per index that ANALYZE samples; SQLite's own recommendation for `PRAGMA optimize`.
    static let analysisLimit = 400

    /// Runs one statement to completion and returns the number of rows it changed.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int {
        try withStatement(sql, arguments) { statement in
            while try statement.step() {}
            return Int(sqlite3_changes(handle))
        }
    }

    /// Runs a query and decodes every row.
    public func fetchAll<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ decode: (Row) throws -> T)
        throws -> [T]
    {
        try withStatement(sql, arguments) { statement in
            var rows: [T] = []
            while try statement.step() {
                rows.append(try decode(statement.row))
            }
            return rows
        }
    }

    /// Runs a query and decodes its first row, or returns nil when there is none.
    public func fetchOne<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ decode: (Row) throws -> T)
        throws -> T?
    {
        try withStatement(sql, arguments) { statement in
            try statement.step() ? try decode(statement.row) : nil
        }
    }

    /// Decodes every row of a SELECT of `T.columns` followed by `tail` (FROM, WHERE, ORDER BY…).
    func fetchAll<T: RowDecodable>(_ type: T.Type, _ tail: String, _ arguments: [any SQLBindable] = []) throws -> [T] {
        try fetchAll("SELECT \(T.columns) \(tail)", arguments, T.init(row:))
    }

    /// Decodes the first row of a SELECT of `T.columns` followed by `tail`.
    func fetchOne<T: RowDecodable>(_ type: T.Type, _ tail: String, _ arguments: [any SQLBindable] = []) throws -> T? {
        try fetchOne("SELECT \(T.columns) \(tail)", arguments, T.init(row:))
    }

    /// Runs statements once without caching them (migrations, transaction control would pollute the cache).
    func executeUncached(_ sql: String) throws {
        let statement = try Statement(connection: handle, sql: sql)
        while try statement.step() {}
    }

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The kinds of transaction the store opens.
    enum TransactionKind: String {
        /// Takes locks on first use: reads see one snapshot.
        case deferred = "BEGIN DEFERRED"
        /// Takes the write lock up front, so a writer waits at BEGIN instead of failing half-way.
        case immediate = "BEGIN IMMEDIATE"
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it (or the commit) throws.
    func transaction<T>(_ kind: TransactionKind, _ body: (Database) throws -> T) throws -> T {
        try execute(kind.rawValue)
        do {
            let result = try body(self)
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction {
                // A failed rollback cannot be acted on; the error that caused it is the one to report.
                _ = try? execute("ROLLBACK")
            }
            throw error
        }
    }

    private func withStatement<T>(_ sql: String, _ arguments: [any SQLBindable], _ body: (Statement) throws -> T)
        throws -> T
    {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try body(statement)
    }

    private func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(connection: handle, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// The store-level error for failures that mean "this file cannot be used", nil for anything else.
    static func storeError(for error: SQLiteError, at location: DatabaseLocation) -> StoreError? {
        let path = location.displayPath
        if error.isNotADatabase { return StoreError.notADatabase(path: path) }
        if error.isReadOnly { return StoreError.readOnly(path: path) }
        if error.primaryResultCode == SQLITE_CANTOPEN {
            return StoreError.cannotOpen(path: path, reason: "the file or its directory cannot be created or opened")
        }
        return nil
    }
}
