import DynamicJSON
import FoundationEssentials
import OrdersStore
import Testing

@testable import PaymentOpsMCP

/// The README's demo, step by step, through the built binary and the loopback Stripe: what a newcomer does.
@Suite("The demo end to end: seed twice, refund Sarah's double charge with approval, doctor, reconcile")
struct DemoEndToEndTests {
    @Test("a newcomer's path from seed to an approved refund, with nothing duplicated and nothing left pending")
    func demo() async throws {
        let stripe = try StripeFixture()
        let directory = FileManager.default.temporaryDirectory.path + "/payment-ops-demo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = [
            "DATABASE_URL": "sqlite:///\(directory)/payments.db", "STRIPE_API_KEY": "sk_test_demo",
            "STRIPE_API_BASE": stripe.baseURL, "LOG_LEVEL": "error",
        ]

        // Seeding twice creates the five customers and thirteen payments once.
        for _ in 0..<2 {
            #expect(try await ChildProcess(arguments: ["seed"], environment: environment).waitForExit() == 0)
        }
        #expect(stripe.count(ofKind: "customer") == 5)
        #expect(stripe.count(ofKind: "payment_intent") == 13)

        let server = try ChildProcess(arguments: [], environment: environment)
        let initialize = try await server.request(
            "initialize", id: 1,
            params: [
                "protocolVersion": "2025-11-25", "capabilities": ["elicitation": [:]],
                "clientInfo": ["name": "demo", "version": "1"],
            ])
        #expect(initialize?["result"]?["protocolVersion"] == "2025-11-25")
        try await server.send(rpc(id: nil, "notifications/initialized"))
        func call(_ id: Int, _ tool: String, _ arguments: JSONValue) async throws -> JSONValue? {
            try await server.request(
                "tools/call", id: .int(id), params: ["name": .string(tool), "arguments": arguments])?[
                    "result"]?["structuredContent"]
        }

        let sarah: JSONValue = ["email": "sarah@example.com"]
        let profile = try await call(2, "lookup_customer", sarah)
        #expect(profile?["stripe"]?["status"] == "ok")
        #expect(profile?["orders"]?["paid"] == 3)
        let payments = try #require(try await call(3, "list_payments", sarah)?["payments"]?.arrayValue)
        #expect(payments.map { $0["amount_cents"] } == [4999, 4999, 2999])
        let mostRecent = try #require(payments.first?["payment_intent_id"]?.stringValue)

        // A confirmed call makes the server ask the human; the refund waits for the answer.
        try await server.send(
            rpc(
                id: 4, "tools/call",
                [
                    "name": "issue_refund",
                    "arguments": ["email": "sarah@example.com", "reason": "duplicate", "confirmed": true],
                ]))
        let question = try JSONCodec.parse(try #require(try await server.nextLine()))
        #expect(question["method"] == "elicitation/create")
        #expect(
            question["params"]?["message"]?.stringValue?.hasPrefix("Approve a refund of $49.99 to sarah@example.com?")
                == true)
        #expect(stripe.refundCount == 0)
        try await server.send([
            "jsonrpc": "2.0", "id": question["id"] ?? .null,
            "result": ["action": "accept", "content": ["approve": true]],
        ])
        let refund = try JSONCodec.parse(try #require(try await server.nextLine()))["result"]?["structuredContent"]
        #expect(refund?["status"] == "refunded")
        #expect(refund?["payment_intent_id"] == .string(mostRecent))
        #expect(refund?["approved_via"] == "elicitation")
        server.closeInput()
        #expect(try await server.waitForExit() == 0)

        #expect(stripe.refundedPaymentIntents == [mostRecent])
        #expect(stripe.refundAmounts == [4999])
        let store = try SQLiteStore(url: environment["DATABASE_URL"] ?? "")
        let (journal, order) = try await store.read { db in
            let order = try db.order(paymentIntentID: mostRecent)
            return (try db.refundLogEntries(orderID: order?.id ?? ""), order)
        }
        #expect(journal.map(\.status) == [RefundLogStatus.succeeded])
        #expect(journal.first?.refundedBy == "ai-assistant")
        #expect(order?.status == .refunded)

        let doctor = try ChildProcess(arguments: ["doctor"], environment: environment)
        let report = try await doctor.readLines()
        #expect(try await doctor.waitForExit() == 0)
        #expect(!report.isEmpty && report.allSatisfy { $0.hasPrefix("✓") })
        let reconcile = try ChildProcess(arguments: ["reconcile"], environment: environment)
        #expect(try await reconcile.readLines() == ["No pending refunds."])
        #expect(try await reconcile.waitForExit() == 0)
    }
}
