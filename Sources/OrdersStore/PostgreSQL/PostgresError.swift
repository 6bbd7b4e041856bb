/// A failure of the PostgreSQL engine: the library, the URL, the connection, or a statement the server refused.
///
/// Keeps the facts: the SQLSTATE, the server's primary message and the statement's name and SQL text. Never the
/// bound values (customer data stays out of messages), the server's DETAIL (it quotes row values, e.g. the key of a
/// unique violation), nor the password: every URL in a message is redacted, and the password is scrubbed from text
/// that libpq wrote. A struct over a kind, so new kinds can arrive without breaking callers.
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Sendable, Equatable {
        /// libpq is not installed.
        case libraryMissing
        /// libpq refused `DATABASE_URL`: malformed, or a parameter it does not know.
        case invalidURL
        /// A connection could not be made or authenticated.
        case connectionFailed
        /// An open connection broke (the server went away, the network dropped).
        case connectionLost
        /// The server refused a statement; `sqlState` says why.
        case statementFailed
        /// The database's schema is newer than this binary knows.
        case newerSchema
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The SQLSTATE the server sent (`23505` for a unique violation…), nil when the failure is not the server's.
    public let sqlState: String?
    /// One line for people: what failed and why, with the URL redacted.
    public let message: String
    /// The prepared statement's name on its connection (`s3`), when a statement failed.
    public let statementName: String?
    /// The SQL text of the statement that failed; never its bound values.
    public let sql: String?

    /// Creates an error from its parts.
    init(kind: Kind, message: String, sqlState: String? = nil, statementName: String? = nil, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.statementName = statementName
        self.sql = sql
    }

    /// One line for people.
    public var description: String {
        guard let sqlState else { return message }
        return "\(message) (SQLSTATE \(sqlState))"
    }

    /// Whether the server refused a row because a unique constraint already holds its key.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// Whether the server refused a row that points at a missing one (or is still pointed at).
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// Whether the role lacks a privilege the statement needs.
    public var isPermissionDenied: Bool { sqlState == "42501" }
    /// Whether the statement ran longer than the statement timeout.
    public var isStatementTimeout: Bool { sqlState == "57014" }

    static func libraryMissing(fileName: String) -> PostgresError {
        PostgresError(
            kind: .libraryMissing,
            message: "DATABASE_URL names a PostgreSQL database, but libpq (\(fileName)) is not installed; "
                + "install it (Debian: apt-get install libpq5)")
    }

    static func newerSchema(url: String, found: Int, known: Int) -> PostgresError {
        PostgresError(
            kind: .newerSchema,
            message: "The database at \(url) has schema version \(found), but this payment-ops knows only up to "
                + "version \(known); upgrade payment-ops. The database was left untouched.")
    }
}
