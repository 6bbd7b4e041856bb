import FoundationEssentials
import OrdersStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The throwaway PostgreSQL cluster `scripts/postgres.sh start` runs, and a schema of its own for each test.
enum TestPostgres {
    /// `PAYMENT_OPS_TEST_POSTGRES_URL`, or nil when no cluster is configured.
    static let baseURL: String? = getenv("PAYMENT_OPS_TEST_POSTGRES_URL").map { String(cString: $0) }

    /// Whether PostgreSQL tests run; they are skipped with a note otherwise.
    static var isConfigured: Bool { baseURL != nil }

    /// The note a skipped suite shows.
    static let skipNote: Comment =
        "PAYMENT_OPS_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped (eval \"$(scripts/postgres.sh start)\")"

    /// The base URL with extra query parameters.
    static func url(adding parameters: String) -> String {
        let base = baseURL ?? ""
        return base + (base.contains("?") ? "&" : "?") + parameters
    }

    /// Runs `body` with the URL of a new, empty schema that only this test uses (it comes first on the
    /// connection's `search_path`, and names the connections' `application_name`), then drops the schema.
    static func withFreshSchema<T>(_ body: (String) async throws -> T) async throws -> T {
        let schema = "t_" + UUID().uuidString.lowercased().replacing("-", with: "")
        let admin = try PostgresStore(url: baseURL ?? "", poolSize: 1)
        try await admin.write { try $0.execute("CREATE SCHEMA \(schema)") }
        do {
            let result = try await body(url(adding: "options=-csearch_path%3D\(schema)&application_name=\(schema)"))
            try await admin.write { try $0.execute("DROP SCHEMA \(schema) CASCADE") }
            return result
        } catch {
            _ = try? await admin.write { try $0.execute("DROP SCHEMA \(schema) CASCADE") }
            throw error
        }
    }

    /// Runs `body` with a migrated store on a fresh schema.
    static func withMigratedStore<T>(poolSize: Int = 4, _ body: (PostgresStore) async throws -> T) async throws -> T {
        try await withFreshSchema { url in
            let store = try PostgresStore(url: url, poolSize: poolSize)
            try await store.applyMigrations()
            return try await body(store)
        }
    }

    /// Waits, by asking the server, until `count` of the store's sessions wait on a lock.
    ///
    /// A deterministic handshake instead of a sleep: `pg_blocking_pids` lists what a session waits for, and the
    /// store's connections share this test's `application_name`. Counting every waiter, not only those waiting for
    /// the holder, because sessions queued on one row wait for each other.
    static func waitUntilBlocked(count: Int, on store: PostgresStore) async throws {
        for _ in 0..<100_000 {
            let waiting = try await store.read { transaction in
                try transaction.fetchOne(
                    """
                    SELECT COUNT(*) AS waiting FROM pg_stat_activity
                    WHERE application_name = current_setting('application_name')
                      AND cardinality(pg_blocking_pids(pid)) > 0
                    """
                ) { try $0.int("waiting") } ?? 0
            }
            if waiting >= count { return }
            await Task.yield()
        }
        Issue.record("fewer than \(count) sessions started waiting on a lock")
    }
}
