import Dispatch
import FoundationEssentials
import Synchronization
import Testing

@testable import OrdersStore

@Suite("Migrating in the background")
struct MigratingStoreTests {
    /// A fresh file, opened without migrating, whose migration will wait for `holder`'s write lock; `blocked` is
    /// signalled once the migration is waiting for it.
    private struct HeldFile {
        let directory: String
        let store: SQLiteStore
        let holder: Database
        let blocked = DispatchSemaphore(value: 0)

        init() throws {
            directory = FileManager.default.temporaryDirectory.path + "/migrating-store-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let location = DatabaseLocation.file(path: directory + "/orders.db")
            let blocked = blocked
            store = try SQLiteStore(
                location: location, busyTimeout: Database.defaultBusyTimeout,
                busyObserver: { _ in blocked.signal() }, migrating: false)
            holder = try Database(location: location)
            try holder.execute("BEGIN IMMEDIATE")
        }

        /// Waits, off the cooperative pool, until the migration is blocked on the holder's lock.
        func migrationIsBlocked() async {
            let blocked = blocked
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    blocked.wait()
                    continuation.resume()
                }
            }
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test("a read waits for the migration and then sees the migrated schema")
    func readWaits() async throws {
        let file = try HeldFile()
        defer { file.remove() }
        let store = MigratingStore(file.store)
        await file.migrationIsBlocked()

        let read = Task { try await store.read { try $0.customer(email: "ann@example.com") } }
        try file.holder.execute("COMMIT")

        // Without the wait, the read would have found no customers table.
        #expect(try await read.value == nil)
        #expect(try await store.status().schemaVersion == Schema.latestVersion)
    }

    @Test("a cancelled wait ends at once, and the migration goes on for everyone else")
    func cancelledWait() async throws {
        let file = try HeldFile()
        defer { file.remove() }
        let store = MigratingStore(file.store)
        await file.migrationIsBlocked()

        let cancelled = Task { try await store.read { try $0.rowCounts() } }
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }

        try file.holder.execute("COMMIT")
        try await store.migrate()
        #expect(try await store.read { try $0.rowCounts() } == StoreRowCounts(customers: 0, orders: 0, refundLog: 0))
    }

    @Test("a failed migration is the answer of every later call")
    func failedMigration() async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/migrating-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let location = DatabaseLocation.file(path: directory + "/orders.db")
        // An orders table without the columns the migrations index cannot be migrated.
        try Database(location: location).execute("CREATE TABLE orders (id VARCHAR NOT NULL PRIMARY KEY)")
        let failures = Failures()
        let store = MigratingStore(try SQLiteStore(url: "sqlite:///\(location.displayPath)", migrating: false)) {
            failures.record($0)
        }

        let migrateError = await #expect(throws: SQLiteError.self) { try await store.migrate() }
        let readError = await #expect(throws: SQLiteError.self) { try await store.read { try $0.rowCounts() } }
        #expect(readError?.message == migrateError?.message)
        #expect(failures.count == 1)
        // The versions before the failed one stay applied; the failed one left nothing behind.
        #expect(try await store.status().schemaVersion < Schema.latestVersion)
    }
}

/// Counts the failures a store reports.
private final class Failures: Sendable {
    private let errors = Mutex<[any Error]>([])
    func record(_ error: any Error) { errors.withLock { $0.append(error) } }
    var count: Int { errors.withLock { $0.count } }
}
