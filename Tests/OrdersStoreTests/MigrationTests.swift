import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Migrations")
struct MigrationTests {
    static let tables = ["customers", "orders", "refund_log", "review_flags", "refund_approvals"]

    @Test("a fresh file gets the whole schema at the latest version, in WAL mode")
    func freshFile() throws {
        try withTemporaryDirectory { directory throws in
            let store = try SQLiteStore(location: .file(path: directory + "/orders.db"))
            try store.read { db throws in
                #expect(try db.schemaVersion == 7)
                #expect(try db.fetchOne("PRAGMA journal_mode") { try $0.string(0) } == "wal")
                #expect(try db.fetchOne("PRAGMA foreign_keys") { try $0.int(0) } == 1)
                #expect(
                    try db.columnDescriptions("refund_log") == [
                        "id VARCHAR 1 - 1", "order_id VARCHAR 1 - 0", "stripe_refund_id VARCHAR 0 - 0",
                        "amount_cents INTEGER 1 - 0", "reason VARCHAR 0 - 0", "refunded_by VARCHAR 0 - 0",
                        "created_at DATETIME 0 - 0", "currency VARCHAR 0 - 0", "note VARCHAR 0 - 0",
                        "status VARCHAR(9) 1 'succeeded' 0", "idempotency_key VARCHAR 0 - 0",
                        "approved_via VARCHAR 0 - 0", "error VARCHAR 0 - 0", "completed_at DATETIME 0 - 0",
                        "approved_by VARCHAR 0 - 0",
                    ])
                #expect(
                    try db.columnDescriptions("orders") == [
                        "id VARCHAR 1 - 1", "customer_id VARCHAR 1 - 0", "stripe_charge_id VARCHAR 0 - 0",
                        "amount_cents INTEGER 1 - 0", "currency VARCHAR 0 - 0", "status VARCHAR(18) 0 - 0",
                        "created_at DATETIME 0 - 0", "refunded_cents INTEGER 1 0 0",
                        "pending_refund_cents INTEGER 1 0 0",
                    ])
                let objects = try db.schemaObjects()
                #expect(!objects.contains { $0.hasPrefix("index ix_orders_created_covering on") })
                for trigger in [
                    "orders_after_insert on orders", "refund_log_after_delete on refund_log",
                    "refund_log_after_insert on refund_log", "refund_log_after_update on refund_log",
                    "orders_revenue_before_insert on orders", "orders_revenue_after_insert on orders",
                    "orders_revenue_after_replace on orders",
                    "orders_revenue_after_update on orders", "orders_revenue_after_delete on orders",
                ] {
                    #expect(objects.contains("trigger \(trigger)"), "missing \(trigger)")
                }
                for index in [
                    "ix_customers_email_nocase", "ix_orders_currency_created", "ix_orders_customer_history",
                    "ix_orders_stripe_charge_id", "ix_refund_log_idempotency_key", "ix_refund_log_order_status",
                    "ix_refund_log_pending", "ix_review_flags_order", "ix_refund_approvals_order",
                ] {
                    #expect(objects.contains { $0.hasPrefix("index \(index) on") }, "missing \(index)")
                }
            }
        }
    }

    @Test("a legacy file and a fresh file end with the same tables, columns and indexes")
    func legacyAndFreshConverge() throws {
        try withTemporaryDirectory { directory throws in
            try LegacyDatabase.create(at: directory + "/legacy.db")
            let legacy = try SQLiteStore(location: .file(path: directory + "/legacy.db"))
            let fresh = try SQLiteStore(location: .file(path: directory + "/fresh.db"))
            for table in Self.tables {
                let migrated = try legacy.read { try $0.columnDescriptions(table) }
                let created = try fresh.read { try $0.columnDescriptions(table) }
                #expect(migrated == created)
            }
            let migrated = try legacy.read { try $0.schemaObjects() }
            let created = try fresh.read { try $0.schemaObjects() }
            #expect(migrated == created)
            #expect(migrated.count == 37)
        }
    }

    @Test("migrating folds the write-ahead log back into the file, so no log as large as the database stays behind")
    func migrationTruncatesTheLog() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/payments.db"
            try LegacyDatabase.create(at: path)
            let store = try SQLiteStore(location: .file(path: path))
            // Still open: the log exists but holds nothing.
            #expect(try contents(of: path + "-wal").isEmpty)
            #expect(try store.read { try $0.schemaVersion } == Schema.latestVersion)
        }
    }

    @Test("indexes on orders are built once, after the data, and one a later migration drops is never built")
    func ordersIndexesWaitForTheData() throws {
        let store = try SQLiteStore(location: .memory)
        let batch = try store.write { db throws in
            var batch = MigrationBatch()
            try db.execute("CREATE TABLE scratch (x)")
            try batch.run("CREATE INDEX batch_a ON orders (amount_cents)", on: db)
            try batch.run("CREATE UNIQUE INDEX batch_b ON orders(id, amount_cents)", on: db)
            try batch.run("CREATE INDEX batch_c ON scratch (x)", on: db)
            try batch.run("DROP INDEX IF EXISTS batch_a", on: db)
            let before = try db.fetchAll("SELECT name FROM sqlite_master WHERE name GLOB 'batch_*'") {
                try $0.string("name")
            }
            try batch.finish(on: db)
            let after = try db.fetchAll(
                "SELECT name FROM sqlite_master WHERE name GLOB 'batch_*' ORDER BY name"
            ) { try $0.string("name") }
            return (before, after)
        }
        #expect(batch.0 == ["batch_c"])
        #expect(batch.1 == ["batch_b", "batch_c"])
    }

    @Test("a legacy file is migrated in place with every row accounted for")
    func legacyRowsAccountedFor() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/payments.db"
            try LegacyDatabase.create(at: path)
            let customerColumns = ["id", "email", "name", "stripe_customer_id", "created_at"]
            let orderColumns = [
                "id", "customer_id", "stripe_charge_id", "amount_cents", "currency", "status", "created_at",
            ]
            let refundColumns = [
                "id", "order_id", "stripe_refund_id", "amount_cents", "reason", "refunded_by", "created_at",
            ]
            let before = try Database(location: .file(path: path))
            let customersBefore = try before.dump("customers", columns: customerColumns)
            let ordersBefore = try before.dump("orders", columns: orderColumns)
            let refundsBefore = try before.dump("refund_log", columns: refundColumns)
            #expect(try before.schemaVersion == 0)

            let store = try SQLiteStore(location: .file(path: path))
            try store.read { db throws in
                #expect(try db.schemaVersion == 7)
                #expect(try db.dump("customers", columns: customerColumns) == customersBefore)
                #expect(try db.dump("orders", columns: orderColumns) == ordersBefore)
                // The money movements and the look-alikes stay, unchanged in their old columns.
                #expect(
                    try db.dump("refund_log", columns: refundColumns)
                        == refundsBefore.filter { !$0.hasPrefix("'f") })
                #expect(
                    try db.dump(
                        "refund_log",
                        columns: [
                            "id", "currency", "status", "note", "idempotency_key",
                            "approved_via", "error", "completed_at",
                        ]) == [
                            "'k1'|'jpy'|'succeeded'|NULL|NULL|NULL|NULL|NULL",
                            "'k2'|'jpy'|'succeeded'|NULL|NULL|NULL|NULL|NULL",
                            "'r1'|'usd'|'succeeded'|NULL|NULL|NULL|NULL|NULL",
                            "'r2'|'eur'|'succeeded'|NULL|NULL|NULL|NULL|NULL",
                        ])
                #expect(
                    try db.reviewFlags(orderID: "o1") == [
                        ReviewFlag(
                            id: "f1", orderID: "o1", paymentIntentID: "pi_1", note: "Card used from two countries",
                            flaggedBy: "ai-assistant", createdAt: Samples.time("2026-11-07 10:00:00.123456"))
                    ])
                #expect(
                    try db.reviewFlags(orderID: "o3") == [
                        ReviewFlag(
                            id: "f2", orderID: "o3", paymentIntentID: "pi_3", note: "No space after the marker",
                            flaggedBy: "unknown", createdAt: Samples.time("2026-11-08 10:00:00.000000"))
                    ])
                #expect(try db.fetchOne("SELECT COUNT(*) FROM review_flags") { try $0.int(0) } == 2)
                #expect(try db.refundLogEntry(id: "r2")?.status == .succeeded)
                #expect(try db.customerTotals(customerID: "c2").map(\.refundedCents) == [1500, 100])
            }
        }
    }

    @Test("opening an up-to-date file again changes nothing")
    func migrationIsIdempotent() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/payments.db"
            try LegacyDatabase.create(at: path)
            let first = try SQLiteStore(location: .file(path: path))
            let schema = try first.read { try $0.schemaObjects() }
            let flags = try first.read { try $0.dump("review_flags", columns: ["id", "note", "created_at"]) }
            let second = try SQLiteStore(location: .file(path: path))
            let schemaAgain = try second.read { try $0.schemaObjects() }
            #expect(schemaAgain == schema)
            let flagsAgain = try second.read { try $0.dump("review_flags", columns: ["id", "note", "created_at"]) }
            #expect(flagsAgain == flags)
            #expect(flags.count == 2)
            let version = try second.read { try $0.schemaVersion }
            #expect(version == 7)
        }
    }

    @Test("a file with a newer schema is refused and left byte for byte untouched")
    func newerSchemaRefused() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/future.db"
            do {
                let database = try Database(location: .file(path: path))
                try database.execute("CREATE TABLE future (x)")
                try database.execute("PRAGMA user_version = 8")
            }
            let bytes = try contents(of: path)
            #expect {
                try SQLiteStore(location: .file(path: path))
            } throws: { error in
                (error as? StoreError)?.message
                    == "The database at \(path) has schema version 8, but this payment-ops knows only up to version 7; "
                    + "upgrade payment-ops. The file was left untouched."
            }
            #expect(try contents(of: path) == bytes)
        }
    }

    @Test("a file that is not a database is refused with a clear error")
    func garbageRefused() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/notes.txt"
            let garbage = Data(String(repeating: "These are not the orders you are looking for.\n", count: 100).utf8)
            #expect(FileManager.default.createFile(atPath: path, contents: garbage))
            #expect {
                try SQLiteStore(url: "sqlite:///" + path)
            } throws: { error in
                (error as? StoreError)?.message == "The file at \(path) is not an SQLite database; check DATABASE_URL"
            }
            #expect(try contents(of: path) == garbage)
        }
    }

    @Test(
        "a read-only file is refused with a clear error, even when already migrated",
        .enabled(if: ReadOnlyFile.isSupported, "this machine cannot make a file unwritable for this process"))
    func readOnlyRefused() throws {
        try withTemporaryDirectory { directory throws in
            for name in ["legacy.db", "migrated.db"] {
                let path = directory + "/" + name
                try LegacyDatabase.create(at: path)
                if name == "migrated.db" {
                    _ = try SQLiteStore(location: .file(path: path))
                    try Database(location: .file(path: path)).execute("PRAGMA journal_mode = DELETE")
                }
                #expect(ReadOnlyFile.protect(path))
                defer { ReadOnlyFile.release(path) }
                #expect {
                    try SQLiteStore(location: .file(path: path))
                } throws: { error in
                    (error as? StoreError)?.message
                        == "The database at \(path) is read-only; payment-ops needs to write to the file and its directory"
                }
            }
        }
    }

    @Test("a missing directory is reported as such")
    func missingDirectory() throws {
        #expect {
            try SQLiteStore(url: "sqlite:////nonexistent-dir-for-tests/orders.db")
        } throws: { error in
            (error as? StoreError)?.message
                == "Cannot open the database at /nonexistent-dir-for-tests/orders.db: the file or its directory "
                + "cannot be created or opened"
        }
    }
}
