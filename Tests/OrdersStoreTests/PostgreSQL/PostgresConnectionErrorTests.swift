import FoundationEssentials
import Testing

@testable import OrdersStore

#if canImport(Glibc)
    import Glibc
#endif

@Suite("PostgreSQL connection errors", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
struct PostgresConnectionErrorTests {
    static let password = "s3cret-Pa55word"

    /// The cluster's host and port (`127.0.0.1:55791`).
    static var hostAndPort: String {
        let base = TestPostgres.baseURL ?? ""
        let afterAt = base.split(separator: "@").last ?? ""
        return String(afterAt.prefix { $0 != "/" })
    }

    /// The error connecting with `url` throws, after checking it never shows the password.
    static func connectionError(_ url: String, password: String = password) async -> PostgresError? {
        let error = await #expect(throws: PostgresError.self) {
            let store = try PostgresStore(url: url, poolSize: 1)
            _ = try await store.postgresStatus()
        }
        #expect(error?.description.contains(password) == false, "the password leaked: \(error?.description ?? "")")
        #expect(error?.description.contains("\n") == false)
        return error
    }

    @Test("nothing listening: connection refused")
    func nothingListening() async throws {
        let error = await Self.connectionError("postgres://payops:\(Self.password)@127.0.0.1:1/payops")
        #expect(error?.kind == .connectionFailed)
        #expect(
            error?.message
                == "Cannot connect to PostgreSQL at postgres://payops:***@127.0.0.1:1/payops: nothing is listening "
                + "there (connection refused); is the server running on that host and port?")
    }

    @Test("an unknown host name")
    func unknownHost() async throws {
        let error = await Self.connectionError("postgres://payops:\(Self.password)@nohost.invalid/payops")
        #expect(
            error?.message
                == "Cannot connect to PostgreSQL at postgres://payops:***@nohost.invalid/payops: could not translate "
                + "host name \"nohost.invalid\" to address: Name or service not known; check the host name")
    }

    @Test("a host that never answers: the connect timeout")
    func unreachableHost() async throws {
        // A socket that listens but never accepts: the handshake completes in the kernel and nothing answers.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && listen(socket, 1) == 0
                    && getsockname(socket, generic, &length) == 0
            }
        }
        try #require(bound)
        let port = UInt16(bigEndian: address.sin_port)
        let error = await Self.connectionError(
            "postgres://payops:\(Self.password)@127.0.0.1:\(port)/payops?connect_timeout=2")
        #expect(
            error?.message
                == "Cannot connect to PostgreSQL at postgres://payops:***@127.0.0.1:\(port)/payops?connect_timeout=2: "
                + "no answer within the connect timeout; the host is unreachable or a firewall drops the connection")
    }

    @Test("a wrong password")
    func wrongPassword() async throws {
        let error = await Self.connectionError("postgres://payops:\(Self.password)@\(Self.hostAndPort)/payops")
        #expect(
            error?.message
                == "Cannot connect to PostgreSQL at postgres://payops:***@\(Self.hostAndPort)/payops: password "
                + "authentication failed for user \"payops\"; check the user name and password")
    }

    @Test("an unknown database")
    func unknownDatabase() async throws {
        let url = TestPostgres.baseURL ?? ""
        let base = url[..<(url.lastIndex(of: "/") ?? url.endIndex)]
        let password = String(url.split(separator: ":")[2].prefix { $0 != "@" })
        let error = await Self.connectionError(base + "/no_such_database", password: password)
        #expect(
            error?.message
                == "Cannot connect to PostgreSQL at postgres://payops:***@\(Self.hostAndPort)/no_such_database: "
                + "database \"no_such_database\" does not exist; check the database name")
    }

    @Test("a role without CONNECT on the database")
    func permissionDenied() async throws {
        let role = "r_" + UUID().uuidString.lowercased().replacing("-", with: "").prefix(12)
        let database = "d_" + UUID().uuidString.lowercased().replacing("-", with: "").prefix(12)
        let admin = try PostgresStore(url: TestPostgres.baseURL ?? "", poolSize: 1)
        try await admin.onWorker { session in
            let connection = try session.connected()
            try connection.runUncached("CREATE ROLE \(role) LOGIN PASSWORD '\(Self.password)'")
            try connection.runUncached("CREATE DATABASE \(database)")
            try connection.runUncached("REVOKE CONNECT ON DATABASE \(database) FROM PUBLIC")
        }
        let error = await Self.connectionError("postgres://\(role):\(Self.password)@\(Self.hostAndPort)/\(database)")
        try await admin.onWorker { session in
            let connection = try session.connected()
            try connection.runUncached("DROP DATABASE \(database)")
            try connection.runUncached("DROP ROLE \(role)")
        }
        #expect(
            error?.message
                == "Cannot connect to PostgreSQL at postgres://\(role):***@\(Self.hostAndPort)/\(database): "
                + "permission denied for database \"\(database)\"; the role needs CONNECT on the database")
    }

    @Test("sslmode=require against a server without TLS never falls back to plain text")
    func tlsRequired() async throws {
        let error = await Self.connectionError(
            "postgres://payops:\(Self.password)@\(Self.hostAndPort)/payops?sslmode=require")
        #expect(
            error?.message
                == "Cannot connect to PostgreSQL at postgres://payops:***@\(Self.hostAndPort)/payops?sslmode=require: "
                + "the server does not offer TLS, but sslmode requires it (require, verify-ca and verify-full never "
                + "fall back to plain text)")
    }

    @Test("a malformed URL is refused before connecting, the URL redacted")
    func malformedURL() async throws {
        let error = await Self.connectionError("postgres://payops:\(Self.password)@[::1/payops")
        #expect(error?.kind == .invalidURL)
        #expect(
            error?.message
                == "DATABASE_URL is not a PostgreSQL URL libpq accepts: end of string reached when looking for "
                + "matching \"]\" in IPv6 host address in URI: \"postgres://payops:***@[::1/payops\"")
    }

    @Test("a malformed percent escape in the password is not quoted back")
    func malformedPassword() async throws {
        let error = await Self.connectionError("postgres://payops:bad%zz\(Self.password)@127.0.0.1/payops")
        #expect(error?.kind == .invalidURL)
        #expect(
            error?.message
                == "DATABASE_URL is not a PostgreSQL URL libpq accepts: invalid percent-encoded token: \"***\""
        )
    }

    @Test("an unknown URL parameter is named")
    func unknownParameter() async throws {
        let error = await Self.connectionError("postgres://payops:\(Self.password)@127.0.0.1/payops?colour=blue")
        #expect(error?.kind == .invalidURL)
        #expect(
            error?.message
                == "DATABASE_URL is not a PostgreSQL URL libpq accepts: invalid URI query parameter: \"colour\"")
    }

    @Test("the defaults are added only where the URL has none")
    func defaults() throws {
        let plain = try PostgresURL("postgres://payops@127.0.0.1/payops")
        #expect(plain.defaults.map(\.keyword) == ["connect_timeout", "application_name"])
        let own = try PostgresURL("postgresql://payops@127.0.0.1/payops?connect_timeout=3&application_name=x")
        #expect(own.defaults.isEmpty)
        let socket = try PostgresURL("postgres:///payops?host=/var/run/postgresql&sslmode=disable")
        #expect(socket.defaults.count == 2)
        #expect(PostgresURL.isPostgreSQL("PostgreSQL://h/db"))
        #expect(!PostgresURL.isPostgreSQL("sqlite:///payments.db"))
    }
}

@Suite("Database URL redaction")
struct DatabaseURLRedactionTests {
    @Test("a password is replaced by *** in every form a URL carries it, and nothing else changes")
    func redaction() {
        let cases = [
            "postgres://payops:secret@db.internal:5432/orders": "postgres://payops:***@db.internal:5432/orders",
            "postgresql://payops:p%40ss@[::1]/orders?sslmode=require":
                "postgresql://payops:***@[::1]/orders?sslmode=require",
            "postgres://payops:p@ss@host/db": "postgres://payops:***@host/db",
            "postgres://payops@host/db": "postgres://payops@host/db",
            "postgres://host/db?user=payops&password=secret&sslmode=disable":
                "postgres://host/db?user=payops&password=***&sslmode=disable",
            "host=db user=payops password=secret dbname=orders": "host=db user=payops password=*** dbname=orders",
            "sqlite:///./payments.db": "sqlite:///./payments.db",
            "sqlite::memory:": "sqlite::memory:",
            "mysql://root:secret@localhost/db": "mysql://root:***@localhost/db",
        ]
        for (url, shown) in cases {
            #expect(DatabaseURLRedaction.redacted(url) == shown)
        }
    }
}
