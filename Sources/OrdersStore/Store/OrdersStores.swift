/// Opens the orders database a `DATABASE_URL` names, on the engine its scheme names.
public enum OrdersStores {
    /// Opens the database and checks that this binary can use it, without migrating it.
    ///
    /// SQLite creates a missing file and refuses one whose schema is newer than this binary. PostgreSQL
    /// (`postgres://`, `postgresql://`) connects, authenticates and reads the schema version, and refuses a newer
    /// one.
    /// - Throws: `StoreError` or `PostgresError`, one line naming the problem.
    public static func open(url: String) async throws -> any OrdersStore {
        guard PostgresURL.isPostgreSQL(url) else { return try SQLiteStore(url: url, migrating: false) }
        let store = try PostgresStore(url: url)
        let status = try await store.postgresStatus()
        guard !status.isNewer else {
            throw PostgresError.newerSchema(
                url: store.url.redacted, found: status.schemaVersion, known: status.latestVersion)
        }
        return store
    }
}
