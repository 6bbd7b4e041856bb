import Dispatch
import FoundationEssentials
import Synchronization
import Testing

@testable import OrdersStore

/// A value handed from a worker thread back to the test.
private final class Handoff<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    func put(_ newValue: Value) { value.withLock { $0 = newValue } }
    func take() -> Value? { value.withLock { $0 } }
}

@Suite("Transactions and locking")
struct OrdersStoreTests {
    @Test("a write commits when its closure returns")
    func writeCommits() throws {
        let store = try SQLiteStore(location: .memory)
        let ann = Samples.customer()
        try store.write { try $0.insertCustomer(ann) }
        let stored = try store.read { try $0.customer(id: ann.id) }
        #expect(stored == ann)
    }

    @Test("a write rolls back everything when its closure throws")
    func writeRollsBack() throws {
        struct Abandon: Error {}
        let store = try SQLiteStore(location: .memory)
        let ann = Samples.customer()
        #expect(throws: Abandon.self) {
            try store.write { db throws in
                try db.insertCustomer(ann)
                try db.insertOrder(Samples.order(customerID: ann.id))
                throw Abandon()
            }
        }
        let stored = try store.read { try $0.customer(id: ann.id) }
        #expect(stored == nil)
        let orders = try store.read { try $0.fetchOne("SELECT COUNT(*) FROM orders") { try $0.int(0) } }
        #expect(orders == 0)
        // The connection is usable again: no transaction was left open.
        try store.write { try $0.insertCustomer(ann) }
    }

    @Test("a write waits for another connection's write lock and succeeds once it is released")
    func writeWaitsForLock() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/orders.db"
            let waiting = DispatchSemaphore(value: 0)
            let store = try SQLiteStore(
                location: .file(path: path), busyTimeout: Database.defaultBusyTimeout,
                busyObserver: { _ in waiting.signal() })
            let holder = try Database(location: .file(path: path))
            let ann = Samples.customer()
            try holder.execute("BEGIN IMMEDIATE")
            try holder.insertCustomer(ann)

            let finished = DispatchSemaphore(value: 0)
            let seen = Handoff<Result<Customer?, any Error>>()
            DispatchQueue.global().async {
                seen.put(Result { try store.write { try $0.customer(id: ann.id) } })
                finished.signal()
            }
            // The writer's busy wait has begun: it is blocked on the holder's lock.
            waiting.wait()
            try holder.execute("COMMIT")
            finished.wait()
            // The writer began before the commit and ran after it: it saw the holder's row.
            #expect(try seen.take()?.get() == ann)
        }
    }

    @Test("opening a file waits for another process's migration longer than a write waits for a lock")
    func openingWaitsForMigration() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/orders.db"
            try Database(location: .file(path: path)).migrate(to: Schema.latestVersion - 1)
            let holder = try Database(location: .file(path: path))
            try holder.execute("BEGIN IMMEDIATE")

            // Released only once the opening connection has waited twice the store's own busy timeout: building an
            // index can hold the lock for seconds.
            let waitedLong = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            let opened = Handoff<Result<Int, any Error>>()
            DispatchQueue.global().async {
                opened.put(
                    Result {
                        let store = try SQLiteStore(
                            location: .file(path: path), busyTimeout: .milliseconds(50),
                            busyObserver: { waited in if waited >= .milliseconds(100) { waitedLong.signal() } })
                        return try store.read { try $0.schemaVersion }
                    })
                finished.signal()
            }
            waitedLong.wait()
            try holder.execute("COMMIT")
            finished.wait()
            #expect(try opened.take()?.get() == Schema.latestVersion)
        }
    }

    @Test("a write fails with a clear busy error when the lock outlasts the busy timeout")
    func writeFailsWhenBusy() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/orders.db"
            let store = try SQLiteStore(location: .file(path: path), busyTimeout: .milliseconds(50))
            let holder = try Database(location: .file(path: path))
            try holder.execute("BEGIN IMMEDIATE")
            defer { _ = try? holder.execute("ROLLBACK") }
            #expect {
                try store.write { try $0.insertCustomer(Samples.customer()) }
            } throws: { error in
                guard let error = error as? SQLiteError else { return false }
                return error.isBusy
                    && error.description
                        == "SQLite error 5: database is busy: another connection held its lock longer than the busy "
                        + "timeout; try again — while running: BEGIN IMMEDIATE"
            }
        }
    }

    @Test("constraint violations come back typed, with the SQL and without the values")
    func constraintViolationsAreTyped() throws {
        let ann = Samples.customer("ann@example.com")
        let store = try Samples.memoryStore(with: [ann])

        let duplicate = Customer(id: "other", email: "ann@example.com", name: "Impostor", createdAt: nil)
        let unique = try #require(throws: SQLiteError.self) { try store.write { try $0.insertCustomer(duplicate) } }
        #expect(unique.isConstraint && unique.isUniqueViolation)
        #expect(unique.message == "UNIQUE constraint failed: customers.email")
        #expect(
            unique.description
                == "SQLite error 2067: UNIQUE constraint failed: customers.email — while running: "
                + "INSERT INTO customers (id, email, name, stripe_customer_id, created_at) VALUES (?, ?, ?, ?, ?)")
        #expect(!unique.description.contains("Impostor"))

        let orphan = Samples.order(customerID: "nobody")
        let foreignKey = try #require(throws: SQLiteError.self) { try store.write { try $0.insertOrder(orphan) } }
        #expect(foreignKey.isForeignKeyViolation)
        #expect(foreignKey.message == "FOREIGN KEY constraint failed")

        try store.write { try $0.insertOrder(Samples.order(customerID: ann.id, id: "o1")) }
        let check = try #require(throws: SQLiteError.self) {
            try store.write {
                try $0.insertRefundLogEntry(Samples.refund(orderID: "o1", amountCents: 1, status: .pending))
            }
            _ = try store.write { try $0.execute("UPDATE refund_log SET status = ?", ["lost"]) }
        }
        #expect(check.isCheckViolation)
        #expect(check.message == "CHECK constraint failed: status IN ('pending', 'succeeded', 'failed')")

        let notNull = try #require(throws: SQLiteError.self) {
            try store.write {
                try $0.execute("INSERT INTO customers (id, email, name) VALUES (?, ?, NULL)", ["c", "c@x"])
            }
        }
        #expect(notNull.isNotNullViolation)
        #expect(notNull.message == "NOT NULL constraint failed: customers.name")
    }

    @Test("an empty string and NULL stay apart")
    func emptyIsNotNull() throws {
        try withTemporaryDirectory { directory throws in
            let store = try SQLiteStore(location: .file(path: directory + "/orders.db"))
            let empty = Customer(id: "e", email: "e@example.com", name: "", stripeCustomerID: "", createdAt: nil)
            let absent = Customer(id: "n", email: "n@example.com", name: "N", stripeCustomerID: nil, createdAt: nil)
            try store.write { db throws in
                try db.insertCustomer(empty)
                try db.insertCustomer(absent)
            }
            #expect(try store.read { try $0.customer(id: "e") } == empty)
            #expect(try store.read { try $0.customer(id: "n") } == absent)
        }
    }

    @Test(
        "hostile strings round-trip exactly",
        arguments: [
            "O'Brien \"the quote\" `back`", "'; DROP TABLE customers; --", "Robert'); DELETE FROM orders;--",
            "🧾💸 emoji 👩‍👩‍👧‍👦 and combining é", "nul \u{0} inside", "%_\\ like wildcards",
            String(repeating: "a✓'", count: 3_334),
        ])
    func hostileStringsRoundTrip(text: String) throws {
        let store = try SQLiteStore(location: .memory)
        let customer = Customer(id: text, email: text, name: text, stripeCustomerID: text, createdAt: Samples.instant)
        let order = Samples.order(customerID: text, id: text, currency: text, paymentIntentID: text)
        let flag = ReviewFlag(
            id: text, orderID: text, paymentIntentID: text, note: text, flaggedBy: text, createdAt: Samples.instant)
        try store.write { db throws in
            try db.insertCustomer(customer)
            try db.insertOrder(order)
            try db.insertReviewFlag(flag)
        }
        try store.read { db throws in
            #expect(try db.customer(id: text) == customer)
            #expect(try db.customer(email: text) == customer)
            #expect(try db.order(paymentIntentID: text) == order)
            #expect(try db.reviewFlags(orderID: text) == [flag])
            #expect(
                try db.fetchOne("SELECT COUNT(*) FROM sqlite_master WHERE name = 'customers'") { try $0.int(0) } == 1)
        }
    }

}
