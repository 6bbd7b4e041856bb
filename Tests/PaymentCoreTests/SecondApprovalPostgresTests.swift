import FoundationEssentials
import OrdersStore
import PaymentCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The throwaway cluster of `scripts/postgres.sh start`, when `PAYMENT_OPS_TEST_POSTGRES_URL` names it.
private let postgresURL = getenv("PAYMENT_OPS_TEST_POSTGRES_URL").map { String(cString: $0) }

@Suite(
    "Second approval on PostgreSQL",
    .enabled(if: postgresURL != nil, "PAYMENT_OPS_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped"))
struct SecondApprovalPostgresTests {
    @Test("two approvers in two server processes racing on one request make one refund")
    func race() async throws {
        let base = postgresURL ?? ""
        let schema = "t_" + UUID().uuidString.lowercased().replacing("-", with: "")
        let admin = try PostgresStore(url: base, poolSize: 1)
        try await admin.write { try $0.execute("CREATE SCHEMA \(schema)") }
        let outcome = await Result {
            try await Self.race(url: base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)")
        }
        try await admin.write { try $0.execute("DROP SCHEMA \(schema) CASCADE") }
        try outcome.get()
    }

    /// The race on a database schema of its own.
    private static func race(url: String) async throws {
        let clock = TestClock(TestWorld.start)
        let gateway = RecordingGateway()
        let policy = TestWorld.policy(clock: clock, secondApproval: SecondApprovalPolicy(limits: ["usd": 20_000]))
        // Two stores: two processes, each with its own connections.
        let first = try PostgresStore(url: url, poolSize: 2)
        try await first.applyMigrations()
        let second = try PostgresStore(url: url, poolSize: 2)
        let bobs = PaymentService(store: first, gateway: gateway, policy: policy)
        let carols = PaymentService(store: second, gateway: gateway, policy: policy)
        let customer = Customer(
            id: "cust-ada", email: "ada@example.com", name: "Ada", stripeCustomerID: "cus_ada",
            createdAt: TestWorld.start)
        let order = Order(
            id: "o1", customerID: customer.id, paymentIntentID: "pi_1", amountCents: 50_000, currency: "usd",
            status: .paid, createdAt: TestWorld.start.addingTimeInterval(-86_400))
        try await first.write { db in
            try db.insertCustomer(customer)
            try db.insertOrder(order)
        }
        gateway.addPaymentIntent(id: "pi_1", customer: "cus_ada", amount: 50_000)

        let waiting = try await bobs.issueRefund(
            RefundRequest(email: "ada@example.com", amountCents: 30_000, confirmed: true),
            approver: FixedApprover(.approved), actor: "alice")
        let id = try #require(waiting.approvalRequestID)
        let decide = { @Sendable (service: PaymentService, actor: String) in
            try await service.decideRefundRequest(
                RefundDecisionRequest(approvalRequestID: id, decision: .approve, confirmed: true),
                approver: FixedApprover(.approved), actor: actor)
        }
        async let bob = Result { try await decide(bobs, "bob") }
        async let carol = Result { try await decide(carols, "carol") }
        let outcomes = await [bob, carol]
        #expect(outcomes.compactMap { try? $0.get().status } == [.refunded])
        let journal = try await first.read { db in try db.refundLogEntries(orderID: "o1") }
        #expect(journal.map(\.refundedBy) == ["alice"])
        #expect(journal.count == 1)
        #expect(gateway.writes.count == 1)
        let decided = try await first.read { db in try db.approvalRequest(id: id) }
        #expect(decided?.decidedBy == journal.first?.approvedBy)
    }
}
