import DynamicJSON
import FoundationEssentials
import OrdersStore
import Testing

@testable import PaymentOpsMCP

@Suite("End to end: the built binary with a real database file and the loopback Stripe")
struct EndToEndCatalogTests {
    @Test("look up, list, preview and confirm a refund with its token: Stripe holds exactly one refund")
    func refundSession() async throws {
        let world = try CatalogWorld()
        let ada = try world.addCustomer("ada@example.com")
        let order = try world.addOrder("o1", for: ada, amount: 4999)
        let envFile = world.directory + "/empty.env"
        #expect(FileManager.default.createFile(atPath: envFile, contents: nil))
        let (child, initialize) = try await world.spawnServer(arguments: ["serve", "--env-file", envFile])
        #expect(initialize?["result"]?["protocolVersion"] == "2025-06-18")
        try await child.send(rpc(id: nil, "notifications/initialized"))

        func call(_ id: Int, _ tool: String, _ arguments: JSONValue) async throws -> JSONValue? {
            try await child.request(
                "tools/call", id: .int(id), params: ["name": .string(tool), "arguments": arguments])?[
                    "result"]
        }
        let lookup = try await call(2, "lookup_customer", ["email": "ada@example.com"])
        #expect(lookup.structured?["stripe"]?["status"] == "ok")
        let payments = try await call(3, "list_payments", ["email": "ada@example.com"])
        #expect(payments.structured?["payments"]?.arrayValue?.first?["order_id"] == "o1")
        let preview = try await call(4, "issue_refund", ["email": "ada@example.com"])
        #expect(preview.structured?["status"] == "preview")
        #expect(preview.structured?["amount_cents"] == 4999)
        let token = try #require(preview.structured?["confirmation_token"])
        let done = try await call(
            5, "issue_refund", ["email": "ada@example.com", "confirmed": true, "confirmation_token": token])
        #expect(done.structured?["status"] == "refunded")
        #expect(done.structured?["order_status"] == "refunded")

        child.closeInput()
        #expect(try await child.nextLine(within: .seconds(3)) == nil)
        #expect(try await child.waitForExit() == 0)
        #expect(world.stripe?.refundAmounts == [4999])
        #expect(try world.journal(order.id).map(\.status) == [.succeeded])
    }
}
