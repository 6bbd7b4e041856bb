extension Database {
    /// The schema version recorded in the file (`PRAGMA user_version`).
    public var schemaVersion: Int {
        get throws { try fetchOne("PRAGMA user_version") { try $0.int(0) } ?? 0 }
    }

    /// Brings the file to `Schema.latestVersion`, one transaction per migration.
    ///
    /// Refuses a file newer than this binary before writing anything (switching to WAL rewrites the header).
    /// Each migration re-reads the version under the write lock, so two processes starting on one file at
    /// once (Claude Desktop starts two) apply every migration exactly once.
    func migrate() throws {
        let found = try schemaVersion
        guard found <= Schema.latestVersion else {
            throw StoreError.newerSchema(path: location.displayPath, found: found, known: Schema.latestVersion)
        }
        if case .file = location {
            try executeUncached("PRAGMA journal_mode = WAL")
        }
        for (index, statements) in Schema.migrations.enumerated() where index + 1 > found {
            let version = index + 1
            try transaction(.immediate) { database in
                guard try database.schemaVersion < version else { return }
                for statement in statements {
                    try database.executeUncached(statement)
                }
                try database.executeUncached("PRAGMA user_version = \(version)")
            }
        }
    }
}
