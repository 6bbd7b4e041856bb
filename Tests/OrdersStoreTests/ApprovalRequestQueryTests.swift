import Dispatch
import FoundationEssentials
import Testing

@testable import OrdersStore

/// Refund requests and the journal's `approved_by`, the same checks on both engines.
@Suite("Refund requests waiting for a second approval")
struct ApprovalRequestQueryTests {
    /// A request for `orderID` made at `Samples.instant` by alice, expiring a day later.
    static func request(_ id: String, orderID: String) -> ApprovalRequest {
        ApprovalRequest(
            id: id, orderID: orderID, amountCents: 30_000, currency: "usd", reason: "requested_by_customer",
            note: "big one", requestedBy: "alice", createdAt: Samples.instant,
            expiresAt: Samples.instant.addingTimeInterval(86_400))
    }

    /// Stores a customer, an order and two requests, then checks every query; `store` is empty and migrated.
    static func exercise(_ store: any OrdersStore) async throws {
        let customer = Samples.customer()
        let order = Samples.order(customerID: customer.id, amountCents: 50_000)
        let later = Samples.instant.addingTimeInterval(60)
        try await store.write { db in
            try db.insertCustomer(customer)
            try db.insertOrder(order)
            try db.insertApprovalRequest(request("rrq_a", orderID: order.id))
            var second = request("rrq_b", orderID: order.id)
            second.createdAt = later
            try db.insertApprovalRequest(second)
        }
        let pending = try await store.read { db in try db.pendingApprovalRequests(at: later) }
        #expect(pending.map(\.id) == ["rrq_a", "rrq_b"])
        #expect(pending.first == request("rrq_a", orderID: order.id))
        let decidedAt = later.addingTimeInterval(1)
        let wins = try await store.write { db in
            [
                try db.decideApprovalRequest(id: "rrq_a", decision: .approve, by: "bob", note: "ok", at: decidedAt),
                try db.decideApprovalRequest(id: "rrq_a", decision: .reject, by: "carol", note: nil, at: decidedAt),
                try db.decideApprovalRequest(
                    id: "rrq_b", decision: .reject, by: "carol", note: nil,
                    at: Samples.instant.addingTimeInterval(86_400)),
            ]
        }
        #expect(wins == [true, false, false])
        let decided = try await store.read { db in try db.approvalRequest(id: "rrq_a") }
        #expect(decided?.decision == .approve)
        #expect(decided?.decidedBy == "bob")
        #expect(decided?.decisionNote == "ok")
        #expect(decided?.decidedAt == decidedAt)
        #expect(try await store.read { db in try db.pendingApprovalRequests(at: decidedAt) }.map(\.id) == ["rrq_b"])
        #expect(
            try await store.read { db in
                try db.pendingApprovalRequests(at: Samples.instant.addingTimeInterval(86_400))
            }.isEmpty)
        #expect(try await store.read { db in try db.approvalRequest(id: "rrq_none") } == nil)

        var approved = Samples.refund(orderID: order.id, amountCents: 30_000, status: .pending)
        approved.approvedBy = "bob"
        approved.approvedVia = "second_approval"
        let entry = approved
        let approval = RefundApproval(
            token: "rfa_x", orderID: order.id, amountCents: 30_000, currency: "usd", reason: "requested_by_customer",
            note: nil, expiresAt: later, refundRequestID: "rrq_b")
        try await store.write { db in
            try db.insertRefundLogEntry(entry)
            try db.insertRefundApproval(approval)
        }
        #expect(try await store.read { db in try db.refundLogEntry(id: entry.id) }?.approvedBy == "bob")
        #expect(try await store.read { db in try db.refundApproval(token: "rfa_x") }?.refundRequestID == "rrq_b")
    }

    @Test("SQLite stores, lists and decides requests once, and keeps approved_by")
    func sqlite() async throws {
        try await Self.exercise(try SQLiteStore(location: .memory))
    }

    @Test(
        "PostgreSQL stores, lists and decides requests once, and keeps approved_by",
        .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
    func postgres() async throws {
        try await TestPostgres.withMigratedStore { store in try await Self.exercise(store) }
    }

    @Test(
        "on PostgreSQL, two deciders racing on one request: the second waits for the first's row lock and loses",
        .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
    func postgresRace() async throws {
        try await TestPostgres.withMigratedStore { store in
            let customer = Samples.customer()
            let order = Samples.order(customerID: customer.id)
            try await store.write { db in
                try db.insertCustomer(customer)
                try db.insertOrder(order)
                try db.insertApprovalRequest(Self.request("rrq_race", orderID: order.id))
            }
            let now = Samples.instant.addingTimeInterval(60)
            let gate = DispatchSemaphore(value: 0)
            let (holders, holder) = AsyncStream.makeStream(of: Int.self)
            // The first holds the request's row lock (its worker thread, not a Swift one, waits on the semaphore).
            async let first = store.write { db in
                let won = try db.decideApprovalRequest(
                    id: "rrq_race", decision: .approve, by: "bob", note: nil, at: now)
                holder.yield(db.backendPID)
                gate.wait()
                return won
            }
            var pids = holders.makeAsyncIterator()
            _ = try #require(await pids.next())
            async let second = store.write { db in
                try db.decideApprovalRequest(id: "rrq_race", decision: .reject, by: "carol", note: nil, at: now)
            }
            try await TestPostgres.waitUntilBlocked(count: 1, on: store)
            gate.signal()
            #expect(try await [first, second] == [true, false])
            #expect(try await store.read { try $0.approvalRequest(id: "rrq_race") }?.decidedBy == "bob")
        }
    }
}
