import CLibPQ
import Whitespace

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libpq connection: owns the `PGconn` (finished in `deinit`) and its prepared statements.
///
/// Not `Sendable`: libpq calls block, so a connection lives on one worker thread of a `PostgresStore` and runs one
/// transaction at a time there. Statements are prepared once per connection, keyed by their SQL, and always run
/// with bound parameters; values are never written into SQL text.
final class PostgresConnection {
    private let libpq: LibPQ
    private let handle: OpaquePointer
    /// The URL it was opened with, for messages (redacted) and to scrub its password from libpq's text.
    let url: PostgresURL
    /// Prepared statement names by SQL text; they die with the connection.
    private var statements: [String: String] = [:]

    /// Connects, authenticates and prepares the session: ISO dates in UTC, and the statement timeout unless the
    /// URL's `options` set one.
    ///
    /// - Throws: `PostgresError` of kind `.connectionFailed` with one line naming the problem (nothing listening,
    ///   unknown host, wrong password, unknown database, no TLS where `sslmode` requires it…).
    init(url: PostgresURL, statementTimeout: Duration) throws(PostgresError) {
        let libpq = try LibPQ.load()
        let parameters = url.connectionParameters
        let keywords = parameters.map { strdup($0.keyword) }
        let values = parameters.map { strdup($0.value) }
        defer { (keywords + values).forEach { free($0) } }
        let opened = (keywords.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { keywordList in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { valueList in
                libpq.connectdbParams(keywordList.baseAddress, valueList.baseAddress, 1)
            }
        }
        guard let opened else {
            throw PostgresError(
                kind: .connectionFailed, message: "Cannot connect to PostgreSQL at \(url.redacted): out of memory")
        }
        guard libpq.status(opened) == CONNECTION_OK else {
            let raw = libpq.errorMessage(opened).map { String(cString: $0) } ?? ""
            libpq.finish(opened)
            throw Self.connectionFailure(raw, url: url)
        }
        self.libpq = libpq
        self.handle = opened
        self.url = url
        // libpq prints the server's notices (`relation … already exists, skipping`) on stderr by default.
        _ = libpq.setNoticeProcessor(handle, { _, _ in }, nil)
        let milliseconds = Int((statementTimeout / .milliseconds(1)).rounded())
        _ = try run(
            """
            SELECT set_config('DateStyle', 'ISO, YMD', false), set_config('TimeZone', 'UTC', false),
              set_config('statement_timeout', CASE current_setting('statement_timeout') WHEN '0' THEN $1
                ELSE current_setting('statement_timeout') END, false)
            """,
            [String(milliseconds)])
    }

    deinit {
        libpq.finish(handle)
    }

    /// Whether libpq has found the connection broken; such a connection is dropped and a new one opened.
    var isBroken: Bool { libpq.status(handle) != CONNECTION_OK }

    /// Whether a transaction is open (or failed and not yet rolled back).
    var isInTransaction: Bool { libpq.transactionStatus(handle) != PQTRANS_IDLE }

    /// Whether the open transaction failed and can only be rolled back.
    var isInFailedTransaction: Bool { libpq.transactionStatus(handle) == PQTRANS_INERROR }

    /// The server's version number (`150020` for 15.20).
    var serverVersion: Int { Int(libpq.serverVersion(handle)) }

    /// Whether the connection is encrypted with TLS.
    var usesTLS: Bool { libpq.sslInUse(handle) == 1 }

    /// The server process serving this connection (`pg_backend_pid()`).
    var backendPID: Int { Int(libpq.backendPID(handle)) }

    /// Runs one statement with bound parameters, preparing it on first use on this connection.
    func run(_ sql: String, _ arguments: [any SQLBindable] = []) throws(PostgresError) -> PostgresResult {
        let name = try preparedName(for: sql)
        let values: [UnsafeMutablePointer<CChar>?] = arguments.map { argument in
            switch argument.sqlValue {
            case .integer(let value): strdup(String(value))
            case .text(let value): strdup(value)
            case .null: nil
            }
        }
        defer { values.forEach { free($0) } }
        let result = values.map { UnsafePointer($0) }.withUnsafeBufferPointer { list in
            libpq.execPrepared(handle, name, Int32(list.count), list.baseAddress, nil, nil, 0)
        }
        return try checked(result, name: name, sql: sql)
    }

    /// Runs SQL without parameters and without preparing it: transaction control and migrations, which would only
    /// fill the statement cache. May hold several statements.
    @discardableResult
    func runUncached(_ sql: String) throws(PostgresError) -> PostgresResult {
        try checked(libpq.exec(handle, sql), name: nil, sql: sql)
    }

    private func preparedName(for sql: String) throws(PostgresError) -> String {
        if let name = statements[sql] { return name }
        let name = "payment_ops_\(statements.count + 1)"
        _ = try checked(libpq.prepare(handle, name, sql, 0, nil), name: name, sql: sql)
        statements[sql] = name
        return name
    }

    /// The result when it succeeded; otherwise the error it carries, and the result cleared.
    private func checked(_ handle: OpaquePointer?, name: String?, sql: String) throws(PostgresError) -> PostgresResult {
        guard let handle else { throw failure(sqlState: nil, serverMessage: nil, name: name, sql: sql) }
        let result = PostgresResult(libpq: libpq, handle: handle)
        switch libpq.resultStatus(handle) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            let field = { (code: Character) in
                self.libpq.resultErrorField(handle, Int32(code.asciiValue ?? 0)).map { String(cString: $0) }
            }
            throw failure(sqlState: field("C"), serverMessage: field("M"), name: name, sql: sql)
        }
    }

    /// A statement's failure: the server's SQLSTATE and primary message, or libpq's message when the connection
    /// broke. The server's DETAIL is left out on purpose: it quotes row values.
    private func failure(sqlState: String?, serverMessage: String?, name: String?, sql: String) -> PostgresError {
        if isBroken {
            let reason = PostgresURL.oneLine(libpq.errorMessage(handle).map { String(cString: $0) } ?? "")
            return PostgresError(
                kind: .connectionLost,
                message: "The connection to PostgreSQL at \(url.redacted) was lost: \(url.scrubbing(reason))",
                sqlState: sqlState, statementName: name, sql: sql)
        }
        let reason = serverMessage ?? PostgresURL.oneLine(libpq.errorMessage(handle).map { String(cString: $0) } ?? "")
        return PostgresError(
            kind: .statementFailed, message: "PostgreSQL refused a statement: \(url.scrubbing(reason))",
            sqlState: sqlState, statementName: name, sql: sql)
    }

    /// One clear line for a connection that could not be made, from libpq's message.
    static func connectionFailure(_ raw: String, url: PostgresURL) -> PostgresError {
        // libpq writes `connection to server at "h", port p failed: FATAL:  reason` and a hint on the next line.
        var reason = PostgresURL.oneLine(url.scrubbing(raw))
        if let failed = reason.firstRange(of: " failed: ") { reason = String(reason[failed.upperBound...]) }
        for prefix in ["FATAL:", "ERROR:"] where reason.hasPrefix(prefix) {
            reason = String(reason.dropFirst(prefix.count)).trimmingWhitespace()
        }
        let lowered = reason.lowercased()
        let explained =
            if lowered.contains("connection refused") {
                "nothing is listening there (connection refused); is the server running on that host and port?"
            } else if lowered.contains("could not translate host name") {
                "\(reason); check the host name"
            } else if lowered.contains("timeout expired") {
                "no answer within the connect timeout; the host is unreachable or a firewall drops the connection"
            } else if lowered.contains("password authentication failed") || lowered.contains("no password supplied") {
                "\(reason); check the user name and password"
            } else if lowered.contains("database") && lowered.contains("does not exist") {
                "\(reason); check the database name"
            } else if lowered.contains("permission denied") {
                "\(reason); the role needs CONNECT on the database"
            } else if lowered.contains("ssl was required") || lowered.contains("does not support ssl") {
                "the server does not offer TLS, but sslmode requires it (require, verify-ca and verify-full never "
                    + "fall back to plain text)"
            } else {
                reason
            }
        return PostgresError(
            kind: .connectionFailed, message: "Cannot connect to PostgreSQL at \(url.redacted): \(explained)")
    }
}
