import DynamicJSON
import Testing

@testable import PaymentOpsMCP

@Suite("Handshake era: elicitation/create with a scripted client")
struct ElicitationTests {
    let call = rpc(id: 10, "tools/call", ["name": "approve", "arguments": ["amount_cents": 500]])

    func answer(_ request: JSONValue?, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": request?["id"] ?? .null, "result": result]
    }

    func status(_ response: JSONValue?) -> JSONValue? {
        response?["result"]?["structuredContent"]?["status"]
    }

    @Test("the server asks with its own id and form mode, and proceeds on accept")
    func accept() async {
        let harness = Harness()
        await harness.initialize(capabilities: ["elicitation": [:]])
        var sent = harness.sent.makeAsyncIterator()
        let reply = await harness.start(call)
        let question = await sent.next()
        #expect(
            question
                == rpc(
                    id: "payment-ops-1", "elicitation/create",
                    ["mode": "form", "message": "Refund 500 cents?", "requestedSchema": ApprovalTool.schema]))
        #expect(await harness.answersPing())
        #expect(await harness.send(answer(question, ["action": "accept", "content": ["approve": true]])) == nil)
        #expect(status(await reply.response()) == "refunded")
        #expect(harness.fixtures.refunds.count == 1)
    }

    @Test("decline and cancel move nothing", arguments: [("decline", "declined"), ("cancel", "cancelled")])
    func declineAndCancel(action: String, expected: String) async {
        let harness = Harness()
        await harness.initialize(capabilities: ["elicitation": ["form": [:]]])
        var sent = harness.sent.makeAsyncIterator()
        let reply = await harness.start(call)
        _ = await harness.send(answer(await sent.next(), ["action": .string(action)]))
        #expect(status(await reply.response()) == .string(expected))
        #expect(harness.fixtures.refunds.count == 0)
    }

    @Test("no answer within the timeout is a timeout, and a late answer is ignored")
    func timeout() async {
        var options = ServerOptions()
        options.elicitationTimeout = .milliseconds(1)
        let harness = Harness(options: options)
        await harness.initialize(capabilities: ["elicitation": [:]])
        var sent = harness.sent.makeAsyncIterator()
        let reply = await harness.start(call)
        let question = await sent.next()
        #expect(status(await reply.response()) == "timed_out")
        #expect(await harness.send(answer(question, ["action": "accept", "content": ["approve": true]])) == nil)
        #expect(harness.fixtures.refunds.count == 0)
        #expect(await harness.answersPing())
    }

    @Test("mode is left out when 2025-06-18 was negotiated")
    func modeOmitted() async {
        let harness = Harness()
        await harness.initialize(version: "2025-06-18", capabilities: ["elicitation": [:]])
        var sent = harness.sent.makeAsyncIterator()
        let reply = await harness.start(call)
        let question = await sent.next()
        #expect(question?["params"] == ["message": "Refund 500 cents?", "requestedSchema": ApprovalTool.schema])
        _ = await harness.send(answer(question, ["action": "cancel"]))
        #expect(status(await reply.response()) == "cancelled")
    }

    @Test(
        "without the elicitation capability nothing is asked and the tool falls back",
        arguments: [[:] as JSONValue, ["elicitation": ["url": [:]]]])
    func unavailable(capabilities: JSONValue) async {
        let harness = Harness()
        await harness.initialize(capabilities: capabilities)
        var sent = harness.sent.makeAsyncIterator()
        #expect(status(await harness.send(call)) == "preview")
        _ = await harness.request("tools/call", params: ["name": "progress", "_meta": ["progressToken": "after"]])
        #expect(await sent.next()?["method"] == "notifications/progress")
    }

    @Test(
        "an error or a malformed answer from the client counts as unavailable",
        arguments: [
            ["error": ["code": -32601, "message": "no"]] as JSONValue, ["result": ["action": "maybe"]],
            ["result": ["action": "accept", "content": 3]],
        ])
    func clientFailure(answer: JSONValue) async {
        let harness = Harness()
        await harness.initialize(capabilities: ["elicitation": [:]])
        var sent = harness.sent.makeAsyncIterator()
        let reply = await harness.start(call)
        var message = answer.objectValue ?? [:]
        message["jsonrpc"] = "2.0"
        message["id"] = await sent.next()?["id"]
        _ = await harness.send(.object(message))
        #expect(status(await reply.response()) == "preview")
    }

    @Test("the client's own ids never collide with the server's")
    func idsDoNotCollide() async {
        let harness = Harness()
        await harness.initialize(capabilities: ["elicitation": [:]])
        var sent = harness.sent.makeAsyncIterator()
        let first = await harness.start(call)
        let second = await harness.start(
            rpc(id: 11, "tools/call", ["name": "approve", "arguments": ["amount_cents": 7]]))
        let questions = [await sent.next(), await sent.next()]
        #expect(Set(questions.compactMap { $0?["id"] }) == ["payment-ops-1", "payment-ops-2"])
        #expect(
            await harness.request("ping", id: "payment-ops-1") == [
                "jsonrpc": "2.0", "id": "payment-ops-1", "result": [:],
            ])
        for question in questions {
            _ = await harness.send(answer(question, ["action": "decline"]))
        }
        #expect(status(await first.response()) == "declined")
        #expect(status(await second.response()) == "declined")
    }

    @Test("cancelling a call that waits for the human ends the wait without a response")
    func cancelWhileWaiting() async {
        let harness = Harness()
        await harness.initialize(capabilities: ["elicitation": [:]])
        var sent = harness.sent.makeAsyncIterator()
        let reply = await harness.start(call)
        let question = await sent.next()
        _ = await harness.send(rpc(id: nil, "notifications/cancelled", ["requestId": 10]))
        #expect(await reply.response() == nil)
        #expect(await harness.send(answer(question, ["action": "accept", "content": ["approve": true]])) == nil)
        #expect(harness.fixtures.refunds.count == 0)
    }

    @Test("when stdin closes, waiting questions end as unanswered")
    func inputClosed() async {
        let harness = Harness()
        await harness.initialize(capabilities: ["elicitation": [:]])
        var sent = harness.sent.makeAsyncIterator()
        let reply = await harness.start(call)
        _ = await sent.next()
        await harness.server.inputClosed()
        #expect(status(await reply.response()) == "timed_out")
    }

    @Test("elicitation results are read strictly; a null or missing content is an empty form")
    func parseResults() {
        #expect(ElicitationOutcome(elicitResult: ["action": "accept", "content": .null]) == .accepted([:]))
        #expect(ElicitationOutcome(elicitResult: ["action": "accept"]) == .accepted([:]))
        #expect(
            ElicitationOutcome(elicitResult: ["action": "accept", "content": ["a": 1], "_meta": [:]])
                == .accepted(["a": 1]))
        #expect(ElicitationOutcome(elicitResult: ["action": "decline"]) == .declined)
        #expect(ElicitationOutcome(elicitResult: ["action": "cancel"]) == .cancelled)
        #expect(ElicitationOutcome(elicitResult: ["action": "accept", "content": "yes"]) == nil)
        #expect(ElicitationOutcome(elicitResult: ["action": "ok"]) == nil)
        #expect(ElicitationOutcome(elicitResult: "accept") == nil)
    }
}
