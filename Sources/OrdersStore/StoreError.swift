/// A failure of the orders store that is not a plain SQLite error: bad configuration, a database this binary
/// cannot use, an ambiguous lookup, or a stored value it cannot read.
///
/// A struct over a private code, so new cases can arrive without breaking callers that switch on `kind`.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Sendable, Equatable {
        /// `DATABASE_URL` has a form the store does not accept.
        case invalidURL
        /// The file's schema is newer than this binary knows.
        case newerSchema
        /// The file exists but is not an SQLite database.
        case notADatabase
        /// The file or its directory cannot be written.
        case readOnly
        /// The file cannot be opened or created.
        case cannotOpen
        /// Several customers' emails differ only by letter case and none matches exactly.
        case ambiguousEmail
        /// A stored value cannot be read as the type its column holds.
        case invalidStoredValue
        /// An update named a row that does not exist.
        case rowNotFound
        /// A date argument is not a real `YYYY-MM-DD` day.
        case invalidDate
        /// A query's result lacks a column its reader asks for by name (a renamed or dropped column).
        case missingColumn
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// A sentence for people; never contains bound values or customer data.
    public let message: String

    /// One line for people.
    public var description: String { message }

    static func invalidURL(problem: String) -> StoreError {
        StoreError(
            kind: .invalidURL,
            message: "DATABASE_URL must be sqlite:///relative.db, sqlite:////absolute.db, sqlite::memory: "
                + "or a plain file path (\(problem))"
        )
    }

    static func newerSchema(path: String, found: Int, known: Int) -> StoreError {
        StoreError(
            kind: .newerSchema,
            message: "The database at \(path) has schema version \(found), but this payment-ops knows only up to "
                + "version \(known); upgrade payment-ops. The file was left untouched."
        )
    }

    static func notADatabase(path: String) -> StoreError {
        StoreError(
            kind: .notADatabase,
            message: "The file at \(path) is not an SQLite database; check DATABASE_URL"
        )
    }

    static func readOnly(path: String) -> StoreError {
        StoreError(
            kind: .readOnly,
            message: "The database at \(path) is read-only; payment-ops needs to write to the file and its directory"
        )
    }

    static func cannotOpen(path: String, reason: String) -> StoreError {
        StoreError(kind: .cannotOpen, message: "Cannot open the database at \(path): \(reason)")
    }

    static let ambiguousEmail = StoreError(
        kind: .ambiguousEmail,
        message: "Several customers match this email with different letter case; use the exact email"
    )

    static func invalidStoredValue(column: String) -> StoreError {
        StoreError(kind: .invalidStoredValue, message: "A stored value in column \(column) cannot be read")
    }

    static func missingColumn(_ name: String, sql: String) -> StoreError {
        StoreError(
            kind: .missingColumn, message: "The query's result has no column named \(name) — while running: \(sql)")
    }

    static func rowNotFound(table: String) -> StoreError {
        StoreError(kind: .rowNotFound, message: "No row in \(table) has that id")
    }

    static let invalidDate = StoreError(
        kind: .invalidDate,
        message: "Dates must be real days written YYYY-MM-DD, like 2026-11-27"
    )
}
