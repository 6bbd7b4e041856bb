import DynamicJSON
import OrdersStore
import Testing

@testable import PaymentOpsMCP

@Suite("Every tool's structured answers conform to the output schema it declares")
struct OutputSchemaConformanceTests {
    /// The output schemas as `tools/list` shows them to clients.
    static func outputSchemas(_ world: CatalogWorld) async -> [String: JSONValue] {
        let tools = await world.request("tools/list", id: "list").result?["tools"]?.arrayValue ?? []
        return Dictionary(
            uniqueKeysWithValues: tools.map { ($0["name"]?.stringValue ?? "", $0["outputSchema"] ?? .null) })
    }

    /// Real answers of every tool, in every shape they take.
    static func answers(_ world: CatalogWorld) async throws -> [(tool: String, answer: JSONValue?)] {
        let ada = try world.addCustomer("ada@example.com")
        let order = try world.addOrder("o1", for: ada, amount: 4999)
        try world.addOrder("o2", for: ada, amount: 1000, currency: "kwd")
        let gone = try world.addCustomer("gone@example.com", name: "Gone")
        world.stripe?.deleteCustomer(id: gone.stripeCustomerID ?? "")
        try world.addCustomer("local@example.com", linked: false)
        let missing = Customer(
            id: "cust-missing", email: "missing@example.com", name: "Missing", stripeCustomerID: "cus_missing",
            createdAt: nil)
        try await world.store.write { db in try db.insertCustomer(missing) }
        _ = world.stripe?.addPaymentIntent(customerID: ada.stripeCustomerID, amount: 700, currency: "usd")
        let paymentIntentID = JSONValue.string(order.paymentIntentID ?? "")

        var answers: [(String, JSONValue?)] = []
        for email in ["ada@example.com", "gone@example.com", "local@example.com", "missing@example.com"] {
            answers.append(("lookup_customer", await world.call("lookup_customer", ["email": .string(email)])))
        }
        answers.append(("list_payments", await world.call("list_payments", ["email": "ada@example.com"])))
        answers.append(("list_payments", await world.call("list_payments", ["customer_id": "cus_nobody"])))
        let preview = await world.call(
            "issue_refund", ["email": "ada@example.com", "payment_intent_id": paymentIntentID, "amount_cents": 999])
        answers.append(("issue_refund", preview))
        let confirm: JSONValue = [
            "email": "ada@example.com", "payment_intent_id": paymentIntentID, "amount_cents": 999,
            "confirmed": true, "confirmation_token": preview.structured?["confirmation_token"] ?? .null,
        ]
        answers.append(("issue_refund", await world.call("issue_refund", confirm)))
        let call: [String: JSONValue] = [
            "name": "issue_refund", "arguments": ["email": "ada@example.com", "confirmed": true],
        ]
        let asked = await world.request("tools/call", id: "asked", params: enveloped(call)).result
        var retry = call
        retry["requestState"] = asked?["requestState"]
        retry["inputResponses"] = ["approve_refund": ["action": "decline"]]
        answers.append(("issue_refund", await world.request("tools/call", id: "no", params: enveloped(retry)).result))
        answers.append(("get_order_history", await world.call("get_order_history", ["email": "ada@example.com"])))
        answers.append(
            ("create_payment_link", await world.call("create_payment_link", ["amount_cents": 1, "description": "x"])))
        let today = await world.call("get_order_history", ["email": "ada@example.com", "limit": 1])
        let day = String(today.structured?["orders"]?.arrayValue?.first?["created_at"]?.stringValue?.prefix(10) ?? "")
        for (start, end) in [(day, day), ("2001-01-01", "2001-01-02")] {
            answers.append(
                (
                    "revenue_summary",
                    await world.call("revenue_summary", ["start_date": .string(start), "end_date": .string(end)])
                ))
        }
        answers.append(
            (
                "flag_for_review",
                await world.call("flag_for_review", ["payment_intent_id": paymentIntentID, "note": "?"])
            ))
        return answers
    }

    @Test("structuredContent of real calls validates against each outputSchema, in every status")
    func conformance() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let schemas = await Self.outputSchemas(world)
        let answers = try await Self.answers(world)
        #expect(Set(answers.map(\.tool)) == Set(schemas.keys))
        let statuses = answers.filter { $0.tool == "lookup_customer" }.map {
            $0.answer.structured?["stripe"]?["status"]
        }
        #expect(statuses == ["ok", "deleted", "unlinked", "error"])
        let refunds = answers.filter { $0.tool == "issue_refund" }.map { $0.answer.structured?["status"] }
        #expect(refunds == ["preview", "refunded", "declined"])
        for (tool, answer) in answers {
            #expect(!answer.toolIsError, "\(tool): \(answer.toolText ?? "")")
            let content = try #require(answer.structured?.objectValue, "\(tool)")
            do {
                _ = try SchemaValidator.validate(content, against: schemas[tool] ?? .null)
            } catch {
                Issue.record("\(tool): \(error.message)")
            }
        }
    }

    @Test("an answer that lost or gained a key would not conform")
    func strictness() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let schemas = await Self.outputSchemas(world)
        let ada = try world.addCustomer("ada@example.com")
        try world.addOrder("o1", for: ada, amount: 4999)
        let answer = await world.call("get_order_history", ["email": "ada@example.com"])
        var content = try #require(answer.structured?.objectValue)
        content["next_cursor"] = nil
        content["extra"] = true
        #expect(throws: SchemaViolation.self) {
            try SchemaValidator.validate(content, against: schemas["get_order_history"] ?? .null)
        }
    }
}
