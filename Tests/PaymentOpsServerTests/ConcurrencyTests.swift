import DynamicJSON
import Testing

@testable import PaymentOpsMCP

@Suite("Concurrency: slow work and cancellation")
struct ConcurrencyTests {
    @Test("a slow tool call does not block ping or another tool call")
    func slowToolDoesNotBlock() async {
        let harness = Harness()
        await harness.initialize()
        var started = harness.fixtures.started.makeAsyncIterator()
        let slow = await harness.start(rpc(id: "slow", "tools/call", ["name": "slow"]))
        await started.next()
        #expect(await harness.answersPing())
        #expect(
            await harness.request("tools/call", id: 2, params: ["name": "echo", "arguments": ["text": "x"]]).result?[
                "structuredContent"] == ["text": "x"])
        await harness.fixtures.gate.open()
        #expect(
            await slow.response() == [
                "jsonrpc": "2.0", "id": "slow",
                "result": ["content": [["type": "text", "text": "done"]], "structuredContent": ["done": true]],
            ])
    }

    @Test("notifications/cancelled stops the work and suppresses its response")
    func cancellation() async {
        let harness = Harness()
        await harness.initialize()
        var started = harness.fixtures.started.makeAsyncIterator()
        let slow = await harness.start(rpc(id: 0, "tools/call", ["name": "slow"]))
        await started.next()
        #expect(await harness.send(rpc(id: nil, "notifications/cancelled", ["requestId": 0, "reason": "user"])) == nil)
        await harness.fixtures.gate.open()
        let response = await slow.response()
        #expect(response == nil)
        #expect(await harness.answersPing())
        #expect(await harness.request("ping", id: 0) == ["jsonrpc": "2.0", "id": 0, "result": [:]])
    }

    @Test("cancellation with an id of the other type cancels nothing")
    func cancellationMatchesIDType() async {
        let harness = Harness()
        await harness.initialize()
        var started = harness.fixtures.started.makeAsyncIterator()
        let slow = await harness.start(rpc(id: 1, "tools/call", ["name": "slow"]))
        await started.next()
        _ = await harness.send(rpc(id: nil, "notifications/cancelled", ["requestId": "1"]))
        await harness.fixtures.gate.open()
        #expect(await slow.response()?["result"] != nil)
    }
}
