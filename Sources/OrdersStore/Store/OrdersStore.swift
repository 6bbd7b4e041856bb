/// The orders database, whichever engine holds it: transactions in, answers out.
///
/// Business code runs its queries through `read` and `write` on `any OrdersStore` and never learns the engine:
/// `SQLiteStore` runs a transaction on the calling thread (its calls take microseconds), `PostgresStore` on a
/// worker thread of its own while the caller waits without holding a thread.
public protocol OrdersStore: Sendable {
    /// The database as people may see it: a file path, or a URL with its password hidden.
    var displayName: String { get }

    /// The schema version the database has beside the one this binary brings, and what the server is; changes
    /// nothing.
    func status() async throws -> StoreStatus

    /// Applies the migrations the database lacks, one transaction per version; processes that migrate one
    /// database at once take turns.
    func migrate() async throws

    /// Runs `body` in a transaction that only reads and sees one snapshot.
    ///
    /// The transaction handle is lent for the duration of `body`; do not keep it.
    func read<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T

    /// Runs `body` in a transaction that writes: it commits when `body` returns and rolls back when it throws.
    ///
    /// The transaction handle is lent for the duration of `body`; do not keep it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T
}

/// What `payment-ops doctor` and start-up learn about a database without changing it.
public struct StoreStatus: Sendable, Hashable {
    /// The schema version the database records; 0 for an empty database or one the original service made.
    public var schemaVersion: Int
    /// The newest schema version this binary knows.
    public var latestSchemaVersion: Int
    /// The server, for people (such as "PostgreSQL 15.18, TLS in use"); `nil` for an embedded database.
    public var server: String?

    /// Creates the status.
    public init(schemaVersion: Int, latestSchemaVersion: Int, server: String? = nil) {
        self.schemaVersion = schemaVersion
        self.latestSchemaVersion = latestSchemaVersion
        self.server = server
    }

    /// How many migrations `migrate()` would apply.
    public var pendingMigrations: Int { max(0, latestSchemaVersion - schemaVersion) }
}
