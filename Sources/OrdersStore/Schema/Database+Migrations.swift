extension Database {
    /// The schema version recorded in the file (`PRAGMA user_version`).
    public var schemaVersion: Int {
        get throws { try fetchOne("PRAGMA user_version") { try $0.int("user_version") } ?? 0 }
    }

    /// Brings the file to `target` (normally `Schema.latestVersion`): every pending migration, in one transaction.
    ///
    /// Refuses a file newer than this binary before writing anything (switching to WAL rewrites the header), and
    /// switches to WAL once the migrations are committed.
    /// The version is re-read under the write lock, so two processes starting on one file at once (Claude Desktop
    /// starts two) apply every migration exactly once, the second waiting up to `migrationBusyTimeout` for the
    /// first. One transaction lets the indexes on `orders` be built once, after every pending migration has written
    /// its data (see `MigrationBatch`). A process that applied migrations then gathers the query planner's
    /// statistics, so opening an up-to-date file never reads its tables, and folds the write-ahead log back into
    /// the file, so a big migration leaves no log as large as the database behind.
    func migrate(to target: Int = Schema.latestVersion) throws {
        let found = try usableSchemaVersion()
        guard found < target else {
            try useWriteAheadLog()
            return
        }
        // Building an index over millions of orders holds the write lock for seconds.
        setBusyTimeout(Self.migrationBusyTimeout)
        defer { setBusyTimeout(busyTimeout) }
        let applied = try transaction(.immediate) { database in
            let current = try database.schemaVersion
            guard current < target else { return false }
            var batch = MigrationBatch()
            for statements in Schema.migrations[current..<target] {
                for statement in statements {
                    try batch.run(statement, on: database)
                }
            }
            try batch.finish(on: database)
            try database.executeUncached("PRAGMA user_version = \(target)")
            return true
        }
        try useWriteAheadLog()
        guard applied else { return }
        // Bounded by the connection's `analysis_limit`: a sample of each index, not a scan of the table.
        try executeUncached("ANALYZE")
        if case .file = location {
            // Another process's readers may hold the log open; the checkpoint then does what it can without
            // waiting, and the last connection to close removes the log.
            setBusyTimeout(.zero)
            try executeUncached("PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Puts a file database in WAL mode (a no-op when it is already).
    ///
    /// Done after migrating: a file that is not in WAL mode yet (a legacy file, a new one) migrates faster with a
    /// rollback journal, which writes the new tables and indexes straight into the file instead of into the log
    /// and then again into the file.
    private func useWriteAheadLog() throws {
        if case .file = location {
            try executeUncached("PRAGMA journal_mode = WAL")
        }
    }

    /// Checks that this binary can use the file, without migrating it, and puts an up-to-date file in WAL mode; a
    /// file with migrations pending switches once `migrate` has committed them.
    ///
    /// - Returns: the schema version found.
    @discardableResult
    func prepareForUse() throws -> Int {
        let found = try usableSchemaVersion()
        if found == Schema.latestVersion { try useWriteAheadLog() }
        return found
    }

    /// The file's schema version, refused before anything is written when it is newer than this binary.
    private func usableSchemaVersion() throws -> Int {
        let found = try schemaVersion
        guard found <= Schema.latestVersion else {
            throw StoreError.newerSchema(path: location.displayPath, found: found, known: Schema.latestVersion)
        }
        return found
    }

    /// How long opening a file waits for another process's migration of it.
    static let migrationBusyTimeout: Duration = .seconds(120)
}

/// The pending migrations' statements, run in order, except that indexes on `orders` are built at the end.
///
/// `orders` has a row per payment, millions of them: an index built early is rewritten row by row by every later
/// backfill of the table's columns, and one that a later migration replaces is built for nothing (a legacy file
/// would otherwise build and drop two). So a `CREATE INDEX … ON orders` waits for the end of the batch, and a later
/// `DROP INDEX` of it cancels it. The journal's indexes are built where they are declared: later backfills read
/// through them.
struct MigrationBatch {
    /// The table whose indexes wait.
    static let deferredTable = "orders"

    /// Deferred index statements by index name, in the order they were declared.
    private var deferred: [(name: String, sql: String)] = []

    /// Runs `statement`, or defers it when it creates an index on `orders`.
    mutating func run(_ statement: String, on database: Database) throws {
        let words = statement.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        if let name = Self.indexCreated(by: words), Self.table(of: words) == Self.deferredTable {
            deferred.append((name, statement))
            return
        }
        if let name = Self.indexDropped(by: words), let position = deferred.firstIndex(where: { $0.name == name }) {
            deferred.remove(at: position)
            return
        }
        try database.executeUncached(statement)
    }

    /// Builds the deferred indexes, now that the data is in place.
    func finish(on database: Database) throws {
        for index in deferred {
            try database.executeUncached(index.sql)
        }
    }

    /// The name in `CREATE [UNIQUE] INDEX name …`.
    private static func indexCreated(by words: [String]) -> String? {
        guard words.first == "create" else { return nil }
        let rest = words.dropFirst().drop { $0 == "unique" }
        guard rest.first == "index", rest.count > 1 else { return nil }
        return rest.dropFirst().first
    }

    /// The name in `DROP INDEX [IF EXISTS] name`.
    private static func indexDropped(by words: [String]) -> String? {
        guard words.starts(with: ["drop", "index"]) else { return nil }
        let rest = words.dropFirst(2)
        return rest.starts(with: ["if", "exists"]) ? rest.dropFirst(2).first : rest.first
    }

    /// The table after `ON` in an index statement.
    private static func table(of words: [String]) -> String? {
        guard let on = words.firstIndex(of: "on"), on + 1 < words.count else { return nil }
        return words[on + 1].split(separator: "(").first.map(String.init)
    }
}
