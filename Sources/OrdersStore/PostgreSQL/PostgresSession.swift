/// The connection of one worker thread: opened on first use, reopened when it broke, and the transactions run on it.
///
/// Not `Sendable`: it belongs to the thread that created it.
final class PostgresSession {
    let url: PostgresURL
    let statementTimeout: Duration
    private var connection: PostgresConnection?

    init(url: PostgresURL, statementTimeout: Duration) {
        self.url = url
        self.statementTimeout = statementTimeout
    }

    /// The open connection, or a new one when there is none or libpq found it broken.
    func connected() throws(PostgresError) -> PostgresConnection {
        if let connection, !connection.isBroken { return connection }
        connection = nil
        let opened = try PostgresConnection(url: url, statementTimeout: statementTimeout)
        connection = opened
        return opened
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// A connection the server closed while it sat idle (a restart, an idle timeout, a dropped network) is only
    /// found broken when `BEGIN` fails; nothing has run yet then, so a new connection is opened and the transaction
    /// begun once more. A connection that breaks later fails this call and is replaced on the next.
    func transaction<T>(_ kind: PostgresTransaction.Kind, _ body: (PostgresTransaction) throws -> T) throws -> T {
        let connection = try begin(kind)
        do {
            let result = try body(PostgresTransaction(connection: connection, kind: kind))
            // A statement that failed aborts the transaction even when `body` caught its error; COMMIT would then
            // quietly roll back. Say so instead.
            guard !connection.isInFailedTransaction else {
                throw PostgresError(
                    kind: .statementFailed,
                    message: "A statement of the transaction failed, so PostgreSQL rolled it back; nothing was saved")
            }
            try connection.runUncached("COMMIT")
            return result
        } catch {
            if connection.isBroken {
                self.connection = nil
            } else if connection.isInTransaction {
                // A failed rollback cannot be acted on; the error that caused it is the one to report.
                _ = try? connection.runUncached("ROLLBACK")
            }
            throw error
        }
    }

    /// A connection with a transaction begun on it, reconnecting once when the idle connection turned out broken.
    private func begin(_ kind: PostgresTransaction.Kind) throws(PostgresError) -> PostgresConnection {
        let first = try connected()
        do {
            try first.runUncached(kind.begin)
            return first
        } catch {
            guard first.isBroken else { throw error }
        }
        connection = nil
        let second = try connected()
        try second.runUncached(kind.begin)
        return second
    }
}
