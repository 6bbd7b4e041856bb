import DynamicJSON
import OrdersStore
import PaymentCore
import Testing

@testable import PaymentOpsMCP

@Suite("approve_refund: big refunds wait for a second person, through the engine and the loopback Stripe")
struct CatalogSecondApprovalTests {
    /// A world with a $200.00 usd limit, Ada, and a paid $500.00 order of yesterday.
    static func world(options: ServerOptions = ServerOptions()) throws -> (CatalogWorld, Order) {
        let world = try CatalogWorld(
            options: options,
            policy: PaymentPolicy(secondApproval: SecondApprovalPolicy(limits: ["usd": 20_000])))
        let ada = try world.addCustomer("ada@example.com")
        return (world, try world.addOrder("o1", for: ada, amount: 50_000))
    }

    /// The output schemas as `tools/list` shows them, by tool.
    static func schemas(_ world: CatalogWorld) async -> [String: JSONValue] {
        let tools = await world.request("tools/list", id: "list").result?["tools"]?.arrayValue ?? []
        return Dictionary(
            uniqueKeysWithValues: tools.map { ($0["name"]?.stringValue ?? "", $0["outputSchema"] ?? .null) })
    }

    /// Checks a successful answer against the tool's output schema.
    static func conforms(_ answer: JSONValue?, to tool: String, in schemas: [String: JSONValue]) throws {
        #expect(!answer.toolIsError, "\(tool): \(answer.toolText ?? "")")
        let content = try #require(answer.structured?.objectValue, "\(tool)")
        do {
            _ = try SchemaValidator.validate(content, against: schemas[tool] ?? .null)
        } catch {
            Issue.record("\(tool): \(error.message)")
        }
    }

    /// Alice previews and confirms a $300.00 refund with the token; returns the confirmed answer.
    static func aliceAsks(_ world: CatalogWorld) async throws -> JSONValue? {
        let refund: JSONValue = ["email": "ada@example.com", "amount_cents": 30_000, "note": "broken on arrival"]
        let preview = await world.call("issue_refund", refund, as: "alice@support.example")
        var confirm = try #require(refund.objectValue)
        confirm["confirmed"] = true
        confirm["confirmation_token"] = preview.structured?["confirmation_token"]
        return await world.call("issue_refund", .object(confirm), id: 2, as: "alice@support.example")
    }

    @Test("approve_refund is listed only when a second approval is configured, as a destructive tool")
    func listing() async throws {
        let off = try CatalogWorld()
        await off.initialize()
        #expect(await Self.schemas(off)["approve_refund"] == nil)
        let (world, _) = try Self.world()
        await world.initialize()
        let tools = await world.request("tools/list").result?["tools"]?.arrayValue ?? []
        let tool = try #require(tools.first { $0["name"] == "approve_refund" })
        #expect(tool["annotations"]?["destructiveHint"] == true)
        #expect(tool["annotations"]?["readOnlyHint"] == false)
        #expect(tool["inputSchema"]?["additionalProperties"] == false)
    }

    @Test(
        "without elicitation: the request waits, another agent previews, confirms with the token, Stripe refunds once")
    func tokenPath() async throws {
        let (world, order) = try Self.world()
        await world.initialize()
        let schemas = await Self.schemas(world)
        let waiting = try await Self.aliceAsks(world)
        try Self.conforms(waiting, to: "issue_refund", in: schemas)
        #expect(waiting.structured?["status"] == "awaiting_approval")
        let id = try #require(waiting.structured?["approval_request_id"]?.stringValue)
        #expect(
            waiting.toolText?.hasPrefix(
                "Not refunded yet: this refund takes the order's refunds above the second-approval limit of $200.00, "
                    + "so another person must approve it. Approval request \(id) waits until ") == true)
        #expect(world.refundsAtStripe == 0)
        #expect(try world.journal(order.id).isEmpty)

        let list = await world.call("approve_refund", id: 3, as: "bob@support.example")
        try Self.conforms(list, to: "approve_refund", in: schemas)
        let listed = try #require(list.structured?["requests"]?.arrayValue?.first)
        #expect(listed["approval_request_id"] == .string(id))
        #expect(listed["requested_by"] == "alice@support.example")
        #expect(listed["amount_cents"] == 30_000)
        #expect(
            list.toolText?.contains("```text\n\(id) customer email: ada@example.com\n\(id) note: broken on arrival")
                == true)

        let own = await world.call(
            "approve_refund", ["approval_request_id": .string(id), "decision": "approve"], id: 4,
            as: "alice@support.example")
        #expect(own.toolIsError)
        #expect(
            own.toolText
                == "You asked for this refund yourself (as alice@support.example); the second approval must come "
                + "from another person. Nothing was refunded. Ask a colleague who may approve refunds to decide "
                + "request \(id).")

        let decide: JSONValue = ["approval_request_id": .string(id), "decision": "approve"]
        let preview = await world.call("approve_refund", decide, id: 5, as: "bob@support.example")
        try Self.conforms(preview, to: "approve_refund", in: schemas)
        #expect(preview.structured?["status"] == "preview")
        #expect(preview.structured?["requested_by"] == "alice@support.example")
        #expect(preview.toolText?.hasPrefix("Second-approval preview — nothing has moved yet.") == true)
        #expect(world.refundsAtStripe == 0)
        var confirm = try #require(decide.objectValue)
        confirm["confirmed"] = true
        confirm["confirmation_token"] = preview.structured?["confirmation_token"]
        let done = await world.call("approve_refund", .object(confirm), id: 6, as: "bob@support.example")
        try Self.conforms(done, to: "approve_refund", in: schemas)
        #expect(done.structured?["status"] == "refunded")
        #expect(done.structured?["approved_by"] == "bob@support.example")
        #expect(done.structured?["approved_via"] == "second_approval")
        #expect(world.stripe?.refundAmounts == [30_000])
        let journal = try world.journal(order.id)
        #expect(journal.map(\.refundedBy) == ["alice@support.example"])
        #expect(journal.map(\.approvedBy) == ["bob@support.example"])

        let again = await world.call("approve_refund", .object(confirm), id: 7, as: "carol@support.example")
        #expect(again.toolIsError)
        #expect(world.stripe?.refundAmounts == [30_000])
    }

    @Test("with elicitation, the approver's own human is asked, naming the requester, and the refund is made")
    func elicitationPath() async throws {
        let (world, order) = try Self.world()
        await world.initialize(capabilities: ["elicitation": [:]])
        var sent = world.sent.makeAsyncIterator()
        let asked = await world.start(
            "tools/call",
            params: [
                "name": "issue_refund",
                "arguments": ["email": "ada@example.com", "amount_cents": 30_000, "confirmed": true],
            ],
            as: "alice@support.example")
        await world.answer(await sent.next(), with: ["action": "accept", "content": ["approve": true]])
        let waiting = await asked.response().result
        #expect(waiting.structured?["status"] == "awaiting_approval")
        let id = try #require(waiting.structured?["approval_request_id"])
        #expect(world.refundsAtStripe == 0)

        let reply = await world.start(
            "tools/call", id: 2,
            params: [
                "name": "approve_refund",
                "arguments": ["approval_request_id": id, "decision": "approve", "confirmed": true],
            ], as: "bob@support.example")
        let question = await sent.next()
        #expect(question?["method"] == "elicitation/create")
        #expect(
            question?["params"]?["message"]?.stringValue?.contains(
                "alice@support.example asked for this refund; you give the second approval.") == true)
        await world.answer(question, with: ["action": "accept", "content": ["approve": true]])
        let done = await reply.response().result
        #expect(done.structured?["status"] == "refunded")
        #expect(done.structured?["approved_by"] == "bob@support.example")
        #expect(world.stripe?.refundAmounts == [30_000])
        #expect(try world.journal(order.id).map(\.approvedVia) == ["second_approval"])
    }

    @Test("a rejection needs no token, moves nothing, and conforms to the schema")
    func reject() async throws {
        let (world, order) = try Self.world()
        await world.initialize()
        let schemas = await Self.schemas(world)
        let id = try #require(try await Self.aliceAsks(world).structured?["approval_request_id"])
        let rejected = await world.call(
            "approve_refund", ["approval_request_id": id, "decision": "reject", "note": "ask the customer first"],
            id: 3, as: "bob@support.example")
        try Self.conforms(rejected, to: "approve_refund", in: schemas)
        #expect(rejected.structured?["status"] == "rejected")
        #expect(
            rejected.toolText?.hasPrefix(
                "Refund request \(id.stringValue ?? "") was rejected by bob@support.example; nothing was refunded.")
                == true)
        #expect(world.stripe?.writeCount == 0)
        #expect(try world.journal(order.id).isEmpty)
        let empty = await world.call("approve_refund", id: 4, as: "bob@support.example")
        #expect(empty.structured?["requests"] == [])
        #expect(empty.toolText == "No refund request waits for a second approval.")
    }

    @Test("a decision without an id, or an id without a decision, is refused")
    func arguments() async throws {
        let (world, _) = try Self.world()
        await world.initialize()
        let noID = await world.call("approve_refund", ["decision": "reject"])
        #expect(
            noID.toolText
                == "decision needs approval_request_id: call approve_refund without arguments to list the pending "
                + "requests, then decide one by its approval_request_id.")
        let noDecision = await world.call("approve_refund", ["approval_request_id": "rrq_x"])
        #expect(
            noDecision.toolText
                == "approval_request_id needs a decision: approve (moves money, after the user's approval) or reject.")
    }

    @Test("find_refund_candidates tells the model about the second approval only when it is on")
    func prompt() async throws {
        let (world, _) = try Self.world()
        await world.initialize()
        let on = await world.request("prompts/get", params: ["name": "find_refund_candidates"])
        let text = on.result?["messages"]?.arrayValue?.first?["content"]?["text"]?.stringValue ?? ""
        #expect(text.contains("Big refunds need a second person (limits $200.00 in USD)"))
        #expect(text.contains("approve_refund"))
        let off = try CatalogWorld()
        await off.initialize()
        let plain = await off.request("prompts/get", params: ["name": "find_refund_candidates"])
        #expect(
            plain.result?["messages"]?.arrayValue?.first?["content"]?["text"]?.stringValue?.contains("approve_refund")
                == false)
    }
}
