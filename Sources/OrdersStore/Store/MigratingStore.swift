/// A store that is migrated in the background: whatever needs the database waits until the migration is done,
/// and everything else goes on meanwhile.
///
/// The server answers `initialize` at once however long a first migration of a big database takes; its tool calls
/// then wait here, each as long as its own task is not cancelled. A failed migration is every later call's error.
public final class MigratingStore: OrdersStore {
    /// The store being migrated.
    public let base: any OrdersStore
    private let migrated = ReadinessGate()

    /// Wraps `base` and starts migrating it at once, on the store's own terms (a thread of its own, for SQLite).
    ///
    /// - Parameter failed: told the migration's error, once, when it fails (to log it).
    public init(_ base: any OrdersStore, failed: @escaping @Sendable (any Error) -> Void = { _ in }) {
        self.base = base
        let gate = migrated
        Task.detached(priority: .userInitiated) {
            do {
                try await base.migrate()
                gate.open(.success(()))
            } catch {
                failed(error)
                gate.open(.failure(error))
            }
        }
    }

    /// The wrapped store's name.
    public var displayName: String { base.displayName }

    /// The wrapped store's status, without waiting for the gate (though SQLite, until a migrated file switches to
    /// WAL, reads it after the migration's writes).
    public func status() async throws -> StoreStatus {
        try await base.status()
    }

    /// Waits for the background migration.
    public func migrate() async throws {
        try await migrated.wait()
    }

    /// Waits for the migration, then reads.
    public func read<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T {
        try await migrated.wait()
        return try await base.read(body)
    }

    /// Waits for the migration, then writes.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any OrdersTransaction) throws -> T) async throws -> T {
        try await migrated.wait()
        return try await base.write(body)
    }
}
