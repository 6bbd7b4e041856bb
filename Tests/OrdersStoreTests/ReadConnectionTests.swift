import Dispatch
import Glibc
import Testing

@testable import OrdersStore

@Suite("Reads of a file database use their own read-only connections")
struct ReadConnectionTests {
    @Test("a read runs while another read is still open")
    func readsRunSideBySide() throws {
        try withTemporaryDirectory { directory throws in
            let store = try SQLiteStore(location: .file(path: directory + "/orders.db"))
            try store.write { try $0.insertCustomer(Samples.customer()) }
            let firstIsInside = DispatchSemaphore(value: 0)
            let releaseFirst = DispatchSemaphore(value: 0)
            let firstDone = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                _ = try? store.read { _ in
                    firstIsInside.signal()
                    releaseFirst.wait()
                }
                firstDone.signal()
            }
            firstIsInside.wait()
            defer {
                releaseFirst.signal()
                firstDone.wait()
            }
            // A second read on another thread must not wait for the first; with one shared connection it would.
            let secondDone = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                _ = try? store.read { try $0.fetchOne("SELECT COUNT(*) FROM customers") { try $0.int(0) } }
                secondDone.signal()
            }
            #expect(secondDone.wait(timeout: .now() + .seconds(10)) == .success)
        }
    }

    @Test("a read cannot change the database")
    func readsCannotWrite() throws {
        try withTemporaryDirectory { directory throws in
            let store = try SQLiteStore(location: .file(path: directory + "/orders.db"))
            let ann = Samples.customer()
            try store.write { try $0.insertCustomer(ann) }
            let error = try #require(throws: SQLiteError.self) {
                try store.read { try $0.execute("DELETE FROM customers") }
            }
            #expect(error.isReadOnly)
            #expect(try store.read { try $0.customer(id: ann.id) } == ann)
        }
    }

    @Test("a read whose body fails leaves the next read working")
    func failedReadLeavesReadsWorking() throws {
        struct Abandon: Error {}
        try withTemporaryDirectory { directory throws in
            let store = try SQLiteStore(location: .file(path: directory + "/orders.db"))
            let ann = Samples.customer()
            try store.write { try $0.insertCustomer(ann) }
            #expect(throws: Abandon.self) { try store.read { _ in throw Abandon() } }
            #expect(try store.read { try $0.customer(id: ann.id) } == ann)
        }
    }

    @Test("closing the store folds the WAL back into the file, read connections and all")
    func closingCheckpoints() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/orders.db"
            do {
                let store = try SQLiteStore(location: .file(path: path))
                try store.write { try $0.insertCustomer(Samples.customer()) }
                #expect(try store.read { try $0.fetchOne("SELECT COUNT(*) FROM customers") { try $0.int(0) } } == 1)
                #expect(access(path + "-wal", F_OK) == 0)
            }
            #expect(access(path + "-wal", F_OK) != 0)
        }
    }

    @Test("an in-memory database, however it is spelled, reads what was written to it")
    func inMemoryReadsItsWrites() throws {
        for url in ["sqlite::memory:", "sqlite:///:memory:", ":memory:"] {
            let store = try SQLiteStore(url: url)
            let ann = Samples.customer()
            try store.write { try $0.insertCustomer(ann) }
            #expect(try store.read { try $0.customer(id: ann.id) } == ann, "\(url)")
        }
    }

    @Test("a read sees every write committed before it began, on a connection used before that write")
    func readsSeeCommittedWrites() throws {
        try withTemporaryDirectory { directory throws in
            let store = try SQLiteStore(location: .file(path: directory + "/orders.db"))
            let ann = Samples.customer()
            #expect(try store.read { try $0.customer(id: ann.id) } == nil)
            try store.write { try $0.insertCustomer(ann) }
            #expect(try store.read { try $0.customer(id: ann.id) } == ann)
        }
    }
}
