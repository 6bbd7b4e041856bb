/// A transaction on one PostgreSQL connection, lent to the closure of `PostgresStore.read` or `write`.
///
/// Its query methods have the names, signatures and results of the SQLite `Database`'s, written for PostgreSQL
/// (extensions in `PostgresTransaction+Customers.swift`, …). Not `Sendable`, and valid only inside the closure that
/// receives it: it runs on the worker thread that owns the connection. Business code never says `BEGIN` or
/// `COMMIT`; the store commits when the closure returns and rolls back when it throws.
public final class PostgresTransaction {
    /// What a transaction may do, and so how it begins.
    public enum Kind: Sendable {
        /// Reads one snapshot (`REPEATABLE READ READ ONLY`); every write fails.
        case read
        /// Reads and writes at `READ COMMITTED`; rows that decide a write are locked (`FOR UPDATE`) before
        /// they are read, so that a concurrent writer waits and then sees the committed result.
        case write

        /// The statement that opens the transaction. The isolation level is named, so a server default of
        /// `serializable` cannot change what the locking queries rely on.
        var begin: String {
            switch self {
            case .read: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
            case .write: "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE"
            }
        }
    }

    let connection: PostgresConnection
    /// Whether this transaction may write.
    public let kind: Kind

    init(connection: PostgresConnection, kind: Kind) {
        self.connection = connection
        self.kind = kind
    }

    /// The database's URL for people, password redacted.
    public var redactedURL: String { connection.url.redacted }

    /// The server process serving this transaction (`pg_backend_pid()`), to find its locks in `pg_locks`.
    public var backendPID: Int { connection.backendPID }

    /// Runs one statement with bound parameters (`$1`, `$2`…) and returns the number of rows it changed.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int {
        try connection.run(sql, arguments).changedRowCount
    }

    /// Runs a query and decodes every row.
    public func fetchAll<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ decode: (PostgresRow) throws -> T)
        throws -> [T]
    {
        let result = try connection.run(sql, arguments)
        var rows: [T] = []
        rows.reserveCapacity(Int(result.rowCount))
        for index in 0..<result.rowCount {
            rows.append(try decode(result.row(index)))
        }
        return rows
    }

    /// Runs a query and decodes its first row, or returns nil when there is none.
    public func fetchOne<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ decode: (PostgresRow) throws -> T)
        throws -> T?
    {
        let result = try connection.run(sql, arguments)
        return result.rowCount > 0 ? try decode(result.row(0)) : nil
    }

    /// `FOR UPDATE` in a write transaction, nothing in a read (a read-only transaction cannot lock rows).
    var lockingClause: String { kind == .write ? " FOR UPDATE" : "" }
}
