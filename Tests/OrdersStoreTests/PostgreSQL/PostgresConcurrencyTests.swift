import Dispatch
import FoundationEssentials
import Testing

@testable import OrdersStore

/// The tests hold a transaction's locks by blocking its worker thread on a semaphore (never one of Swift's
/// threads) until the test has seen, in `pg_stat_activity`, the other session wait.
@Suite("PostgreSQL across connections", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
struct PostgresConcurrencyTests {
    /// A store with one customer, one order of `amountCents` and an unused token for it.
    static func seed(_ store: PostgresStore, amountCents: Int = 5_000) async throws -> (Order, RefundApproval) {
        let customer = Samples.customer()
        let order = Samples.order(customerID: customer.id, amountCents: amountCents)
        let approval = RefundApproval(
            token: UUID().uuidString, orderID: order.id, amountCents: 3_000, currency: "usd",
            reason: "requested_by_customer", note: nil, expiresAt: Samples.instant)
        try await store.write { transaction in
            try transaction.insertCustomer(customer)
            try transaction.insertOrder(order)
            try transaction.insertRefundApproval(approval)
        }
        return (order, approval)
    }

    @Test("two connections racing one token: exactly one uses it")
    func tokenRace() async throws {
        try await TestPostgres.withMigratedStore { store in
            let (_, approval) = try await Self.seed(store)
            let gate = DispatchSemaphore(value: 0)
            let (holders, holder) = AsyncStream.makeStream(of: Int.self)
            // The first holds the token's row lock until the second is seen waiting for it.
            async let first = store.write { transaction in
                let used = try transaction.useRefundApproval(token: approval.token, at: Samples.instant, outcome: "a")
                holder.yield(transaction.backendPID)
                gate.wait()
                return used
            }
            var pids = holders.makeAsyncIterator()
            _ = try #require(await pids.next())
            async let second = store.write { transaction in
                try transaction.useRefundApproval(token: approval.token, at: Samples.instant, outcome: "b")
            }
            try await TestPostgres.waitUntilBlocked(count: 1, on: store)
            gate.signal()
            let outcomes = try await [first, second]
            #expect(outcomes == [true, false])
            let stored = try await store.read { try $0.refundApproval(token: approval.token) }
            #expect(stored?.outcome == "a")
        }
    }

    @Test("two previews racing on one order under FOR UPDATE cannot refund more than it holds")
    func refundableRace() async throws {
        try await TestPostgres.withMigratedStore { store in
            let (order, _) = try await Self.seed(store, amountCents: 5_000)
            let gate = DispatchSemaphore(value: 0)
            let (holders, holder) = AsyncStream.makeStream(of: Int.self)
            /// What the refund gate does in its journal transaction: the refundable amount, then the pending row.
            let refund = { @Sendable (transaction: PostgresTransaction, wait: Bool) throws -> Bool in
                let totals = try transaction.refundTotals(orderID: order.id)
                if wait {
                    holder.yield(transaction.backendPID)
                    gate.wait()
                }
                guard 3_000 <= order.amountCents - totals.succeededCents - totals.pendingCents else { return false }
                try transaction.insertRefundLogEntry(
                    Samples.refund(orderID: order.id, amountCents: 3_000, status: .pending))
                return true
            }
            async let first = store.write { try refund($0, true) }
            var pids = holders.makeAsyncIterator()
            _ = try #require(await pids.next())
            async let second = store.write { try refund($0, false) }
            try await TestPostgres.waitUntilBlocked(count: 1, on: store)
            gate.signal()
            let outcomes = try await [first, second]
            #expect(outcomes == [true, false])
            let journal = try await store.read { try $0.refundLogEntries(orderID: order.id) }
            #expect(journal.map(\.amountCents) == [3_000])
        }
    }

    @Test("while sessions wait on a lock, more than there are cores, other calls on the pool still complete")
    func blockingCallsStayOffTheCooperativePool() async throws {
        // Each waiting call blocks a thread inside libpq. Were those Swift's cooperative threads (one per core),
        // the probe below, and this test's own continuation, could never run.
        let waiters = max(2, ProcessInfo.processInfo.activeProcessorCount) + 1
        try await TestPostgres.withMigratedStore(poolSize: waiters + 2) { store in
            let (order, _) = try await Self.seed(store)
            let gate = DispatchSemaphore(value: 0)
            let (holders, holder) = AsyncStream.makeStream(of: Int.self)
            async let held: Void = store.write { transaction in
                _ = try transaction.refundTotals(orderID: order.id)
                holder.yield(transaction.backendPID)
                gate.wait()
            }
            var pids = holders.makeAsyncIterator()
            _ = try #require(await pids.next())
            let blocked = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<waiters {
                        group.addTask { _ = try await store.write { try $0.refundTotals(orderID: order.id) } }
                    }
                    try await group.waitForAll()
                }
            }
            try await TestPostgres.waitUntilBlocked(count: waiters, on: store)
            let probe = try await store.read { try $0.order(id: order.id) }
            #expect(probe?.id == order.id)
            #expect(await Task.detached { 42 }.value == 42)
            gate.signal()
            try await held
            try await blocked.value
        }
    }

    @Test("a connection the server dropped is reopened on the next call")
    func droppedConnection() async throws {
        try await TestPostgres.withMigratedStore(poolSize: 1) { store in
            let pid = try await store.read { $0.backendPID }
            let other = try PostgresStore(url: TestPostgres.baseURL ?? "", poolSize: 1)
            let terminated = try await other.read { transaction in
                try transaction.fetchOne("SELECT pg_terminate_backend($1::int) AS done", [pid]) {
                    try $0.string("done")
                }
            }
            #expect(terminated == "t")
            let next = try await store.read { $0.backendPID }
            #expect(next != pid)
            #expect(try await store.schemaVersion() == PostgresStore.latestSchemaVersion)
        }
    }

    @Test("a statement that runs longer than the statement timeout is cancelled, and the connection goes on")
    func statementTimeout() async throws {
        try await TestPostgres.withFreshSchema { url in
            let store = try PostgresStore(url: url, poolSize: 1, statementTimeout: .milliseconds(50))
            let error = await #expect(throws: PostgresError.self) {
                try await store.read { try $0.execute("SELECT pg_sleep(5)") }
            }
            #expect(error?.isStatementTimeout == true)
            #expect(error?.sql == "SELECT pg_sleep(5)")
            #expect(try await store.schemaVersion() == 0)
        }
    }
}
