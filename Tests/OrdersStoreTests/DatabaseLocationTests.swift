import Testing

@testable import OrdersStore

@Suite("DATABASE_URL")
struct DatabaseLocationTests {
    static let acceptedForms =
        "DATABASE_URL must be sqlite:///relative.db, sqlite:////absolute.db, sqlite::memory: or a plain file path"

    @Test(
        "accepted forms name the right place",
        arguments: [
            ("sqlite:///payments.db", DatabaseLocation.file(path: "payments.db")),
            ("sqlite:///./payments.db", .file(path: "./payments.db")),
            ("sqlite:///data/payments.db", .file(path: "data/payments.db")),
            ("sqlite:////var/lib/payment-ops/payments.db", .file(path: "/var/lib/payment-ops/payments.db")),
            ("SQLite:///payments.db", .file(path: "payments.db")),
            ("sqlite::memory:", .memory),
            (":memory:", .memory),
            ("sqlite:///:memory:", .memory),
            ("/srv/payments.db", .file(path: "/srv/payments.db")),
            ("payments.db", .file(path: "payments.db")),
            ("  sqlite:///padded.db \n", .file(path: "padded.db")),
        ])
    func acceptedForms(url: String, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation(url: url) == expected)
    }

    @Test(
        "bad forms are refused with a message naming the accepted forms",
        arguments: [
            ("", "got an empty value"),
            ("   ", "got an empty value"),
            ("postgres://admin:hunter2@db.internal/payments", "got a \"postgres:\" URL"),
            ("mysql://localhost/payments", "got a \"mysql:\" URL"),
            (
                "sqlite://payments.db",
                "a sqlite URL needs three slashes before a relative path, four before an absolute one"
            ),
            (
                "sqlite:payments.db",
                "a sqlite URL needs three slashes before a relative path, four before an absolute one"
            ),
            ("sqlite:///", "the sqlite URL names no file"),
            ("sqlite:///payments.db?mode=ro", "query parameters are not supported"),
        ])
    func badForms(url: String, problem: String) {
        #expect {
            try DatabaseLocation(url: url)
        } throws: { error in
            let error = error as? StoreError
            return error?.kind == .invalidURL && error?.message == "\(Self.acceptedForms) (\(problem))"
                && error?.message.contains("hunter2") == false
        }
    }

    @Test("the store opens by URL")
    func storeOpensByURL() throws {
        let store = try SQLiteStore(url: "sqlite::memory:")
        let version = try store.read { try $0.schemaVersion }
        #expect(version == 7)
    }
}
