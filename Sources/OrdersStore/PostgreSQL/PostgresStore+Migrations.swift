/// What `doctor` and start-up learn from a PostgreSQL database without changing it.
public struct PostgresStatus: Sendable, Equatable {
    /// The server's version (`15.20`).
    public var serverVersion: String
    /// Whether the connection is encrypted with TLS.
    public var usesTLS: Bool
    /// The schema version recorded in the database (0: none, an empty or a legacy database).
    public var schemaVersion: Int
    /// The newest schema version this binary knows.
    public var latestVersion: Int

    /// The migrations `migrate` would apply; empty when the schema is up to date or newer.
    public var pendingVersions: [Int] {
        schemaVersion < latestVersion ? Array(schemaVersion + 1...latestVersion) : []
    }

    /// Whether the database is newer than this binary, which then refuses to use it.
    public var isNewer: Bool { schemaVersion > latestVersion }
}

extension PostgresStore {
    /// The newest schema version this binary knows on PostgreSQL.
    public static var latestSchemaVersion: Int { PostgresSchema.latestVersion }

    /// Connects, authenticates and reads the server's version, TLS and the schema version; changes nothing.
    ///
    /// This is start-up's "can the database be used" check and `doctor`'s report.
    /// - Throws: `PostgresError` of kind `.connectionFailed` with one line naming the problem.
    public func postgresStatus() async throws -> PostgresStatus {
        try await read { transaction in
            let serverVersion = try transaction.fetchOne(
                "SELECT current_setting('server_version') AS version"
            ) { try $0.string("version") }
            return PostgresStatus(
                serverVersion: serverVersion.map { String($0.prefix { $0 != " " }) } ?? "unknown",
                usesTLS: transaction.connection.usesTLS, schemaVersion: try transaction.schemaVersion,
                latestVersion: PostgresSchema.latestVersion)
        }
    }

    /// The schema version recorded in the database, read without migrating.
    public func schemaVersion() async throws -> Int {
        try await read { try $0.schemaVersion }
    }

    /// Brings the schema to the newest version, one transaction per version, and returns the versions applied.
    ///
    /// Refuses a database newer than this binary before writing anything. Each version's transaction first takes
    /// an advisory lock (`pg_advisory_xact_lock`) for the schema it migrates and re-reads the version under it, so
    /// processes that start together take turns and apply every migration exactly once. Migrations are not bound
    /// by the statement timeout: building an index over millions of orders takes a while.
    /// - Throws: `PostgresError` of kind `.newerSchema`; a statement's error (a role without DDL rights gets
    ///   `permission denied`, SQLSTATE 42501), in which case that version's changes were rolled back.
    @discardableResult
    public func applyMigrations() async throws -> [Int] {
        try await onWorker { session in try Self.migrate(session, to: PostgresSchema.latestVersion) }
    }

    /// Applies the migrations after the database's version up to `target` on one session's connection.
    static func migrate(_ session: PostgresSession, to target: Int) throws -> [Int] {
        let found = try session.transaction(.read) { try $0.schemaVersion }
        guard found <= PostgresSchema.latestVersion else {
            throw PostgresError.newerSchema(
                url: session.url.redacted, found: found, known: PostgresSchema.latestVersion)
        }
        guard found < target else { return [] }
        var applied: [Int] = []
        for version in found + 1...target {
            let didApply = try session.transaction(.write) { transaction -> Bool in
                let connection = transaction.connection
                try connection.runUncached("SET LOCAL statement_timeout = 0")
                try connection.runUncached(
                    "SELECT pg_advisory_xact_lock(hashtext('payment-ops schema ' || COALESCE(current_schema(), '')))")
                guard try transaction.schemaVersion < version else { return false }
                for statement in PostgresSchema.migrations[version - 1] {
                    try connection.runUncached(statement)
                }
                try connection.runUncached(
                    """
                    CREATE TABLE IF NOT EXISTS \(PostgresSchema.versionsTable) (version INTEGER NOT NULL PRIMARY KEY,
                      applied_at TIMESTAMP WITHOUT TIME ZONE NOT NULL)
                    """)
                try transaction.execute(
                    "INSERT INTO \(PostgresSchema.versionsTable) (version, applied_at) VALUES ($1, now())", [version])
                return true
            }
            if didApply { applied.append(version) }
        }
        if !applied.isEmpty {
            // The planner's statistics for the new columns and indexes; sampled, so quick on a big database.
            try session.connected().runUncached("ANALYZE customers, orders, refund_log, review_flags, refund_approvals")
        }
        return applied
    }
}

extension PostgresTransaction {
    /// The schema version recorded in the database: the newest row of `payment_ops_schema_versions`, 0 without it.
    public var schemaVersion: Int {
        get throws {
            // A query of the catalog, not `to_regclass`: name lookups use a catalog snapshot that taking an advisory
            // lock does not refresh, so a migrator that waited for another would miss the table it just created.
            let present = try fetchOne(
                """
                SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = '\(PostgresSchema.versionsTable)'
                  AND schemaname = ANY (current_schemas(false))) AS present
                """
            ) { try $0.string("present") }
            guard present == "t" else { return 0 }
            return try fetchOne(
                "SELECT COALESCE(MAX(version), 0) AS version FROM \(PostgresSchema.versionsTable)"
            ) { try $0.int("version") } ?? 0
        }
    }
}
