import DynamicJSON
import Testing

@testable import PaymentOpsMCP

@Suite("2026-07-28 era: approval through input_required results")
struct InputRequiredTests {
    let arguments: JSONValue = ["amount_cents": 500]

    func call(
        _ harness: Harness, id: Int, arguments: JSONValue? = nil, state: JSONValue? = nil, response: JSONValue? = nil,
        tool: String = "approve", meta: [String: JSONValue] = envelope()
    )
        async -> JSONValue?
    {
        var params: [String: JSONValue] = ["name": .string(tool), "arguments": arguments ?? self.arguments]
        if let state { params["requestState"] = state }
        if let response { params["inputResponses"] = ["approve_refund": response] }
        return await harness.request("tools/call", id: .int(id), params: enveloped(params, meta: meta))
    }

    func firstRound(_ harness: Harness) async -> JSONValue? {
        await call(harness, id: 1).result?["requestState"]
    }

    func status(_ response: JSONValue?) -> JSONValue? {
        response.result?["structuredContent"]?["status"]
    }

    @Test("the first call answers input_required with the question and an opaque state")
    func firstCall() async {
        let harness = Harness()
        var sent = harness.sent.makeAsyncIterator()
        let result = await call(harness, id: 1).result
        #expect(result?["resultType"] == "input_required")
        #expect(
            result?["inputRequests"]
                == [
                    "approve_refund": [
                        "method": "elicitation/create",
                        "params": [
                            "mode": "form", "message": "Refund 500 cents?", "requestedSchema": ApprovalTool.schema,
                        ],
                    ]
                ])
        #expect(result?["requestState"]?.stringValue?.count == 64)
        #expect(result?["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"] == "payment-ops")
        #expect(result?["content"] == nil)
        _ = await harness.request(
            "tools/call",
            params: enveloped(["name": "progress"], meta: envelope().merging(["progressToken": "p"]) { $1 }))
        #expect(await sent.next()?["method"] == "notifications/progress")
    }

    @Test("accept on the retry acts once; replaying the same state is refused and acts no more")
    func acceptThenReplay() async {
        let harness = Harness()
        let state = await firstRound(harness)
        let accept: JSONValue = ["action": "accept", "content": ["approve": true]]
        let done = await call(harness, id: 2, state: state, response: accept)
        #expect(status(done) == "refunded")
        #expect(done.result?["resultType"] == "complete")
        #expect(harness.fixtures.refunds.count == 1)
        #expect(
            await call(harness, id: 3, state: state, response: accept)
                == errorResponse(
                    id: 3, code: -32602,
                    message:
                        "Invalid params: requestState is unknown, expired or already used; call the tool again without it"
                ))
        #expect(harness.fixtures.refunds.count == 1)
    }

    @Test("decline and cancel complete without acting", arguments: [("decline", "declined"), ("cancel", "cancelled")])
    func declineAndCancel(action: String, expected: String) async {
        let harness = Harness()
        let state = await firstRound(harness)
        #expect(
            status(await call(harness, id: 2, state: state, response: ["action": .string(action)])) == .string(expected)
        )
        #expect(harness.fixtures.refunds.count == 0)
    }

    @Test("a tampered state is refused")
    func tampered() async {
        let harness = Harness()
        let state = await firstRound(harness)?.stringValue ?? ""
        let tampered = String(state.dropLast()) + (state.hasSuffix("0") ? "1" : "0")
        #expect(
            await call(
                harness, id: 2, state: .string(tampered), response: ["action": "accept", "content": ["approve": true]]
            ).errorMessage
                == "Invalid params: requestState is unknown, expired or already used; call the tool again without it")
        #expect(harness.fixtures.refunds.count == 0)
    }

    @Test("a state is bound to its tool and arguments, and used up by a mismatched retry")
    func boundToArguments() async {
        let harness = Harness()
        let state = await firstRound(harness)
        let accept: JSONValue = ["action": "accept", "content": ["approve": true]]
        #expect(
            await call(harness, id: 2, arguments: ["amount_cents": 50_000], state: state, response: accept)
                == errorResponse(
                    id: 2, code: -32602,
                    message:
                        "Invalid params: requestState belongs to a different tool call; call the tool again without it")
        )
        #expect(await call(harness, id: 3, state: state, response: accept).errorCode == -32602)
        let other = await firstRound(harness)
        #expect(await call(harness, id: 4, state: other, response: accept, tool: "echo").errorCode == -32602)
        #expect(harness.fixtures.refunds.count == 0)
    }

    @Test("an expired state is refused")
    func expired() async {
        var options = ServerOptions()
        options.inputStateLifetime = .zero
        let harness = Harness(options: options)
        let state = await firstRound(harness)
        #expect(
            await call(harness, id: 2, state: state, response: ["action": "accept", "content": ["approve": true]])
                .errorCode == -32602)
    }

    @Test("a malformed answer is -32602 and leaves the state usable")
    func malformedAnswer() async {
        let harness = Harness()
        let state = await firstRound(harness)
        #expect(
            await call(harness, id: 2, state: state, response: ["action": "sure"])
                == errorResponse(
                    id: 2, code: -32602,
                    message:
                        "Invalid params: inputResponses.approve_refund must be an elicitation result whose action is accept, decline or cancel"
                ))
        #expect(status(await call(harness, id: 3, state: state, response: ["action": "decline"])) == "declined")
    }

    @Test("a retry without an answer asks again with a fresh state")
    func retryWithoutAnswer() async {
        let harness = Harness()
        let state = await firstRound(harness)
        let again = await call(harness, id: 2, state: state).result
        #expect(again?["resultType"] == "input_required")
        #expect(again?["requestState"] != state)
    }

    @Test("a client without elicitation gets the fallback and no question")
    func noElicitation() async {
        let harness = Harness()
        #expect(status(await call(harness, id: 1, meta: envelope(elicitation: false))) == "preview")
    }
}
