import DynamicJSON
import OrdersStore
import Testing

@testable import PaymentOpsMCP

@Suite("issue_refund: the refund gate through the engine, in both protocol eras")
struct CatalogRefundTests {
    /// A world with one customer and one paid order of $49.99 made yesterday.
    static func world(options: ServerOptions = ServerOptions()) throws -> (CatalogWorld, Order) {
        let world = try CatalogWorld(options: options)
        let ada = try world.addCustomer("ada@example.com")
        return (world, try world.addOrder("o1", for: ada, amount: 4999))
    }

    static let confirmed: JSONValue = ["email": "ada@example.com", "confirmed": true]

    @Test("with elicitation, one confirmed call asks the human and refunds on approval")
    func elicitationAccept() async throws {
        let (world, order) = try Self.world()
        await world.initialize(capabilities: ["elicitation": [:]])
        var sent = world.sent.makeAsyncIterator()
        let reply = await world.start("tools/call", params: ["name": "issue_refund", "arguments": Self.confirmed])
        let question = await sent.next()
        #expect(question?["method"] == "elicitation/create")
        #expect(question?["params"]?["requestedSchema"] == ElicitationApprover.requestedSchema)
        let message = question?["params"]?["message"]?.stringValue ?? ""
        #expect(message.hasPrefix("Approve a refund of $49.99 to ada@example.com?\nOrder o1, PaymentIntent pi_"))
        #expect(world.refundsAtStripe == 0)
        await world.answer(question, with: ["action": "accept", "content": ["approve": true]])
        let result = await reply.response().result
        #expect(result.structured?["status"] == "refunded")
        #expect(result.structured?["approved_via"] == "elicitation")
        #expect(result.structured?["order_status"] == "refunded")
        #expect(world.stripe?.refundAmounts == [4999])
        let journal = try world.journal(order.id)
        #expect(journal.map(\.status) == [.succeeded])
        #expect(journal.first?.refundedBy == "ai-assistant")
        #expect(journal.first?.approvedVia == "elicitation")
        #expect(try world.order(order.id)?.status == .refunded)
    }

    @Test(
        "a decline, a cancel or an unticked box refunds nothing",
        arguments: [
            ["action": "decline"], ["action": "cancel"], ["action": "accept", "content": ["approve": false]],
        ] as [JSONValue])
    func elicitationDecline(answer: JSONValue) async throws {
        let (world, order) = try Self.world()
        await world.initialize(capabilities: ["elicitation": [:]])
        var sent = world.sent.makeAsyncIterator()
        let reply = await world.start("tools/call", params: ["name": "issue_refund", "arguments": Self.confirmed])
        await world.answer(await sent.next(), with: answer)
        let result = await reply.response().result
        #expect(!result.toolIsError)
        #expect(result.structured?["status"] == "declined")
        #expect(world.refundsAtStripe == 0)
        #expect(world.stripe?.writeCount == 0)
        #expect(try world.journal(order.id).isEmpty)
        #expect(try world.order(order.id)?.status == .paid)
    }

    @Test("no answer in time leaves the token path open: a preview whose token confirms the refund")
    func elicitationTimeout() async throws {
        var options = ServerOptions()
        options.elicitationTimeout = .milliseconds(1)
        let (world, order) = try Self.world(options: options)
        await world.initialize(capabilities: ["elicitation": [:]])
        let timedOut = await world.call("issue_refund", Self.confirmed)
        #expect(timedOut.structured?["status"] == "preview")
        #expect(
            timedOut.toolText?.hasPrefix("Nobody answered the approval request in time; nothing was refunded.") == true)
        #expect(world.refundsAtStripe == 0)
        #expect(try world.journal(order.id).isEmpty)
        let token = try #require(timedOut.structured?["confirmation_token"])
        #expect(token != .null)
    }

    @Test("without elicitation, a preview's token confirms the refund once")
    func confirmationToken() async throws {
        let (world, order) = try Self.world()
        await world.initialize()
        let preview = await world.call("issue_refund", ["email": "ada@example.com", "amount_cents": 1000])
        #expect(preview.structured?["status"] == "preview")
        #expect(preview.structured?["refundable_cents"] == 4999)
        #expect(preview.toolText?.hasPrefix("Refund preview — nothing has moved yet.") == true)
        #expect(world.stripe?.writeCount == 0)
        let token = try #require(preview.structured?["confirmation_token"]?.stringValue)
        let confirm: JSONValue = [
            "email": "ada@example.com", "amount_cents": 1000, "confirmed": true, "confirmation_token": .string(token),
        ]
        let done = await world.call("issue_refund", confirm, id: 2)
        #expect(done.structured?["status"] == "refunded")
        #expect(done.structured?["approved_via"] == "confirmation_token")
        #expect(done.structured?["order_status"] == "partially_refunded")
        let again = await world.call("issue_refund", confirm, id: 3)
        #expect(again.toolIsError)
        #expect(
            again.toolText
                == "That confirmation_token was already used (approved); a token works once. Nothing more was "
                + "refunded. Preview again only if the user wants another refund.")
        #expect(world.stripe?.refundAmounts == [1000])
        #expect(try world.journal(order.id).map(\.approvedVia) == ["confirmation_token"])
    }

    @Test("without elicitation, confirmed: true without a token is refused")
    func tokenRequired() async throws {
        let (world, _) = try Self.world()
        await world.initialize()
        let result = await world.call("issue_refund", Self.confirmed)
        #expect(result.toolIsError)
        #expect(
            result.toolText
                == "confirmed: true needs the confirmation_token from a preview of this refund. Call issue_refund "
                + "without confirmed, show the user the preview, and confirm only if they approve.")
        #expect(world.refundsAtStripe == 0)
    }

    @Test("an order 91 days old is outside the window; one exactly 90 days old is not")
    func window() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        let old = try world.addOrder("old", for: ada, amount: 1000, daysAgo: 91.5)
        let edge = try world.addOrder("edge", for: ada, amount: 1000, daysAgo: 90.5)
        let refused = await world.call(
            "issue_refund", ["email": "ada@example.com", "payment_intent_id": .string(old.paymentIntentID ?? "")])
        #expect(
            refused.toolText
                == "Order old is 91 days old; refunds are allowed up to 90 days after the order. Nothing was refunded. "
                + "Tell the user the order is outside the refund window.")
        let allowed = await world.call(
            "issue_refund", ["email": "ada@example.com", "charge_id": .string(edge.paymentIntentID ?? "")])
        #expect(allowed.structured?["status"] == "preview")
        #expect(allowed.structured?["order_age_days"] == 90)
    }

    @Test("a client that set a log level is told the journal row and Stripe refund of a refund, nothing more")
    func refundIsLogged() async throws {
        let (world, order) = try Self.world()
        await world.initialize()
        _ = await world.request("logging/setLevel", id: 2, params: ["level": "info"])
        let preview = await world.request(
            "tools/call", id: 3, params: ["name": "issue_refund", "arguments": ["email": "ada@example.com"]]
        ).result
        let token = try #require(preview.structured?["confirmation_token"])
        let done = await world.request(
            "tools/call", id: 4,
            params: [
                "name": "issue_refund",
                "arguments": ["email": "ada@example.com", "confirmed": true, "confirmation_token": token],
            ]
        ).result
        let row = try #require(try world.journal(order.id).first)
        var sent = world.sent.makeAsyncIterator()
        let message = await sent.next()
        #expect(message?["method"] == "notifications/message")
        #expect(message?["params"]?["level"] == "info")
        #expect(
            message?["params"]?["data"]
                == .string(
                    "issue_refund: journal row \(row.id) is refunded (Stripe refund "
                        + "\(done.structured?["stripe_refund_id"]?.stringValue ?? "?"))"))
    }

    @Test("2026-07-28: input_required, then the retry with the approval refunds once; a replay refunds nothing")
    func inputRequired() async throws {
        let (world, order) = try Self.world()
        let call: [String: JSONValue] = ["name": "issue_refund", "arguments": Self.confirmed]
        let first = await world.request("tools/call", id: 1, params: enveloped(call)).result
        #expect(first?["resultType"] == "input_required")
        let question = first?["inputRequests"]?["approve_refund"]
        #expect(question?["method"] == "elicitation/create")
        #expect(question?["params"]?["requestedSchema"] == ElicitationApprover.requestedSchema)
        #expect(world.stripe?.writeCount == 0)
        #expect(try world.journal(order.id).isEmpty)
        let state = try #require(first?["requestState"])
        var retry = call
        retry["requestState"] = state
        retry["inputResponses"] = ["approve_refund": ["action": "accept", "content": ["approve": true]]]
        let second = await world.request("tools/call", id: 2, params: enveloped(retry)).result
        #expect(second.structured?["status"] == "refunded")
        #expect(world.stripe?.refundAmounts == [4999])
        let replay = await world.request("tools/call", id: 3, params: enveloped(retry))
        #expect(replay.errorCode == -32602)
        #expect(world.stripe?.refundAmounts == [4999])
        #expect(try world.journal(order.id).map(\.status) == [.succeeded])
    }

    @Test("2026-07-28: an approval counts only for the refund it was asked about")
    func inputRequiredBoundToQuestion() async throws {
        let (world, order) = try Self.world()
        let call: [String: JSONValue] = ["name": "issue_refund", "arguments": Self.confirmed]
        let first = await world.request("tools/call", id: 1, params: enveloped(call)).result
        let asked = first?["inputRequests"]?["approve_refund"]?["params"]?["message"]?.stringValue ?? ""
        #expect(asked.contains("Order o1"))
        // A newer, larger order arrives before the human's answer: the same arguments now mean another refund.
        let ada = try await #require(try world.store.read { db in try db.customer(email: "ada@example.com") })
        try world.addOrder("o2", for: ada, amount: 90_000, daysAgo: 0.5)
        var retry = call
        retry["requestState"] = first?["requestState"]
        retry["inputResponses"] = ["approve_refund": ["action": "accept", "content": ["approve": true]]]
        let second = await world.request("tools/call", id: 2, params: enveloped(retry)).result
        #expect(second?["resultType"] == "input_required")
        let askedAgain = second?["inputRequests"]?["approve_refund"]?["params"]?["message"]?.stringValue ?? ""
        #expect(askedAgain.hasPrefix("Approve a refund of $900.00 to ada@example.com?\nOrder o2"))
        #expect(world.stripe?.writeCount == 0)
        #expect(try world.journal(order.id).isEmpty)
        #expect(try world.journal("o2").isEmpty)
    }

    @Test("2026-07-28: a declined approval refunds nothing")
    func inputRequiredDecline() async throws {
        let (world, order) = try Self.world()
        let call: [String: JSONValue] = ["name": "issue_refund", "arguments": Self.confirmed]
        let first = await world.request("tools/call", id: 1, params: enveloped(call)).result
        var retry = call
        retry["requestState"] = first?["requestState"]
        retry["inputResponses"] = ["approve_refund": ["action": "decline"]]
        let second = await world.request("tools/call", id: 2, params: enveloped(retry)).result
        #expect(second.structured?["status"] == "declined")
        #expect(world.stripe?.writeCount == 0)
        #expect(try world.journal(order.id).isEmpty)
    }
}
