import CSQLite

/// A failure reported by SQLite: the extended result code, SQLite's message and the SQL that failed.
///
/// Bound values are never kept: they carry customer data, and errors end up in logs.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`payment_ops_sqlite_constraint_unique`, `SQLITE_BUSY_SNAPSHOT`, …).
    public let resultCode: Int32
    /// SQLite's own message (`sqlite3_errmsg`), e.g. `"UNIQUE constraint failed: customers.email"`.
    public let message: String
    /// The SQL text that failed, with `?` placeholders where values were bound; nil when not tied to a statement.
    public let sql: String?

    /// Creates an error from its facts.
    public init(resultCode: Int32, message: String, sql: String?) {
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// Captures the connection's most recent error.
    init(connection: OpaquePointer, sql: String?) {
        let message = sqlite3_errmsg(connection).map { String(cString: $0) } ?? "unknown error"
        self.init(resultCode: sqlite3_extended_errcode(connection), message: message, sql: sql)
    }

    /// The primary result code (the low byte of the extended code), e.g. `SQLITE_CONSTRAINT`.
    public var primaryResultCode: Int32 { resultCode & 0xFF }

    /// True when another connection held a lock longer than the busy timeout.
    public var isBusy: Bool { primaryResultCode == SQLITE_BUSY || primaryResultCode == SQLITE_LOCKED }
    /// True for any constraint violation (unique, foreign key, not null, check, primary key).
    public var isConstraint: Bool { primaryResultCode == SQLITE_CONSTRAINT }
    /// True when a UNIQUE or PRIMARY KEY constraint rejected a duplicate.
    public var isUniqueViolation: Bool {
        resultCode == payment_ops_sqlite_constraint_unique || resultCode == payment_ops_sqlite_constraint_primarykey
    }
    /// True when a FOREIGN KEY constraint rejected a row that points nowhere.
    public var isForeignKeyViolation: Bool { resultCode == payment_ops_sqlite_constraint_foreignkey }
    /// True when a NOT NULL constraint rejected a missing value.
    public var isNotNullViolation: Bool { resultCode == payment_ops_sqlite_constraint_notnull }
    /// True when a CHECK constraint rejected a value.
    public var isCheckViolation: Bool { resultCode == payment_ops_sqlite_constraint_check }
    /// True when the database file cannot be written.
    public var isReadOnly: Bool { primaryResultCode == SQLITE_READONLY }
    /// True when the file is not an SQLite database (or is encrypted).
    public var isNotADatabase: Bool { primaryResultCode == SQLITE_NOTADB }

    /// One line: what went wrong, the code, and the SQL.
    public var description: String {
        let what =
            isBusy
            ? "database is busy: another connection held its lock longer than the busy timeout; try again"
            : message
        let statement = sql.map { " — while running: \($0)" } ?? ""
        return "SQLite error \(resultCode): \(what)\(statement)"
    }
}
