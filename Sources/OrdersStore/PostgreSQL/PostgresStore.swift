/// The orders database on PostgreSQL: a small pool of connections, each on a thread of its own.
///
/// `Sendable`, so every part of the server can share one store. Each `read` or `write` is one transaction on one
/// connection, run on a worker thread while the calling task waits without holding a thread: libpq's calls block,
/// and Swift's cooperative threads must stay free for `ping`, cancellation and other requests. Creating a store
/// parses the URL (loading libpq) but connects nobody; the first call connects.
public final class PostgresStore: Sendable {
    /// The URL the store connects to.
    public let url: PostgresURL
    private let workers: PostgresWorkers

    /// Connections enough for one stdio process: tool calls that overlap, plus reconciliation in the background.
    public static let defaultPoolSize = 4
    /// How long one statement may run before the server cancels it, unless the URL's `options` set a timeout.
    public static let defaultStatementTimeout: Duration = .seconds(30)

    /// Prepares a store for a `postgres://` or `postgresql://` URL, without connecting.
    ///
    /// - Parameters:
    ///   - poolSize: the most connections (and worker threads) open at once.
    ///   - statementTimeout: how long a statement may run; migrations are not bound by it.
    /// - Throws: `PostgresError` of kind `.libraryMissing` or `.invalidURL`.
    public init(
        url: String, poolSize: Int = defaultPoolSize, statementTimeout: Duration = defaultStatementTimeout
    ) throws {
        let parsed = try PostgresURL(url)
        self.url = parsed
        workers = PostgresWorkers(url: parsed, statementTimeout: statementTimeout, maximum: poolSize)
    }

    deinit {
        workers.close()
    }

    /// Runs `body` in a read-only transaction that sees one snapshot.
    ///
    /// The `PostgresTransaction` is lent for the duration of `body`, on a worker thread; do not keep it.
    public func read<T: Sendable>(_ body: @escaping @Sendable (PostgresTransaction) throws -> T) async throws -> T {
        try await onWorker { session in try session.transaction(.read, body) }
    }

    /// Runs `body` in a `READ COMMITTED` transaction: commits when it returns, rolls back when it throws.
    ///
    /// The `PostgresTransaction` is lent for the duration of `body`, on a worker thread; do not keep it.
    public func write<T: Sendable>(_ body: @escaping @Sendable (PostgresTransaction) throws -> T) async throws -> T {
        try await onWorker { session in try session.transaction(.write, body) }
    }

    /// Runs `job` on a worker thread and waits for it without blocking the calling thread.
    func onWorker<T: Sendable>(_ job: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            do throws(PostgresWorkerError) {
                try workers.submit { session in
                    continuation.resume(with: Result { try job(session) })
                }
            } catch {
                continuation.resume(throwing: Self.workerFailure(error))
            }
        }
    }

    private static func workerFailure(_ error: PostgresWorkerError) -> PostgresError {
        switch error {
        case .closed:
            PostgresError(kind: .connectionLost, message: "The PostgreSQL store is closed")
        case .cannotStartThread(let code):
            PostgresError(
                kind: .connectionFailed, message: "Cannot start a thread for PostgreSQL (error \(code))")
        }
    }
}
