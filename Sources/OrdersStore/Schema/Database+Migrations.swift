extension Database {
    /// The schema version recorded in the file (`PRAGMA user_version`).
    public var schemaVersion: Int {
        get throws { try fetchOne("PRAGMA user_version") { try $0.int("user_version") } ?? 0 }
    }

    /// Brings the file to `target` (normally `Schema.latestVersion`), one transaction per migration.
    ///
    /// Refuses a file newer than this binary before writing anything (switching to WAL rewrites the header).
    /// Each migration re-reads the version under the write lock, so two processes starting on one file at
    /// once (Claude Desktop starts two) apply every migration exactly once, the second waiting up to
    /// `migrationBusyTimeout` for the first. A process that applied one then gathers the query planner's
    /// statistics, so opening an up-to-date file never reads its tables.
    func migrate(to target: Int = Schema.latestVersion) throws {
        let found = try prepareForUse()
        // Building an index over millions of orders holds the write lock for seconds.
        setBusyTimeout(Self.migrationBusyTimeout)
        defer { setBusyTimeout(busyTimeout) }
        var applied = false
        for (index, statements) in Schema.migrations.prefix(target).enumerated() where index + 1 > found {
            let version = index + 1
            try transaction(.immediate) { database in
                guard try database.schemaVersion < version else { return }
                for statement in statements {
                    try database.executeUncached(statement)
                }
                try database.executeUncached("PRAGMA user_version = \(version)")
                applied = true
            }
        }
        if applied {
            // Bounded by the connection's `analysis_limit`: a sample of each index, not a scan of the table.
            try executeUncached("ANALYZE")
        }
    }

    /// Checks that this binary can use the file, without migrating it: refuses a file newer than this binary
    /// before writing anything (switching to WAL rewrites the header), then switches a file to WAL.
    ///
    /// - Returns: the schema version found.
    @discardableResult
    func prepareForUse() throws -> Int {
        let found = try schemaVersion
        guard found <= Schema.latestVersion else {
            throw StoreError.newerSchema(path: location.displayPath, found: found, known: Schema.latestVersion)
        }
        if case .file = location {
            try executeUncached("PRAGMA journal_mode = WAL")
        }
        return found
    }

    /// How long opening a file waits for another process's migration of it.
    static let migrationBusyTimeout: Duration = .seconds(120)
}
