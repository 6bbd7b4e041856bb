import AsyncHTTPClient
import DynamicJSON
import NIOCore
import NIOHTTP1
import Testing

@testable import PaymentOpsHTTP

@Suite("Answers over SSE")
struct StreamingTests {
    @Test("a call that asks the human is answered as an SSE stream: the question, then the result")
    func elicitationOverSSE() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token(scopes: ["payments:write"])
            let session = try await world.initialize(token: token, capabilities: ["elicitation": [:]])
            let response = try await confirmAction(id: 7, in: world, token: token, session: session)
            #expect(response.status.code == 200)
            #expect(response.headers.first(name: "Content-Type") == "text/event-stream")
            var events = SSEReader(response.body)

            let question = try #require(try await events.next())
            #expect(question["method"] == "elicitation/create")
            #expect(question["params"]?["message"] == "Go ahead?")
            let answer: JSONValue = ["jsonrpc": "2.0", "id": question["id"] ?? .null, "result": ["action": "accept"]]
            #expect(try await world.post(answer, token: token, session: session).status == 202)

            let result = try #require(try await events.next())
            #expect(result["id"] == 7)
            #expect(result["result"]?["structuredContent"] == ["answer": "accepted", "actor": "ada@support.example"])
            #expect(try await events.next() == nil)
        }
    }

    @Test(
        "a client that closes the event stream cancels its call: the tool stops waiting for the human",
        .timeLimit(.minutes(1)))
    func disconnectCancels() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token(scopes: ["payments:write"])
            let session = try await world.initialize(token: token, capabilities: ["elicitation": [:]])
            let (questions, asked) = AsyncStream.makeStream(of: JSONValue.self)
            let client = Task {
                let response = try await confirmAction(id: 8, in: world, token: token, session: session)
                var events = SSEReader(response.body)
                asked.yield(try await events.next() ?? .null)
                // Waits for an answer that never comes: the test cancels this task, closing the connection.
                _ = try await events.next()
            }
            var cancellations = world.cancellations.makeAsyncIterator()
            var question = questions.makeAsyncIterator()
            #expect(await question.next()?["method"] == "elicitation/create")
            client.cancel()
            #expect(await cancellations.next() != nil)
            #expect(
                world.log.all.contains {
                    $0.hasSuffix("the client closed the event stream of request 8; cancelling it")
                })
            // The session serves on.
            #expect(try await world.post(rpc(id: 9, "ping"), token: token, session: session).status == 200)
        }
    }

    @Test("a call that does not ask is answered as plain JSON")
    func plainJSON() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token(scopes: ["payments:read"])
            let session = try await world.initialize(token: token)
            let answer = try await world.post(
                rpc(
                    id: 3, "tools/call",
                    [
                        "name": "revenue_summary",
                        "arguments": [
                            "start_date": "2026-01-01", "end_date": "2026-01-31",
                        ],
                    ]), token: token, session: session)
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type") == "application/json")
            #expect(answer.json?["result"]?["structuredContent"]?["orders"] == 0)
        }
    }
}

/// POSTs a `confirm_action` call and returns the response as it starts, its body (an SSE stream) still to read.
private func confirmAction(id: Int, in world: HTTPWorld, token: String, session: String?) async throws
    -> HTTPClientResponse
{
    var request = HTTPClientRequest(url: world.endpoint)
    request.method = .POST
    request.headers.add(name: "Authorization", value: "Bearer \(token)")
    request.headers.add(name: "Mcp-Session-Id", value: session ?? "")
    request.headers.add(name: "Accept", value: "application/json, text/event-stream")
    let call = rpc(id: .int(id), "tools/call", ["name": "confirm_action", "arguments": [:]])
    request.body = .bytes(ByteBuffer(bytes: try JSONCodec.encode(call)))
    return try await HTTPClient.shared.execute(request, timeout: .seconds(30))
}

/// Reads `data:` lines of SSE `message` events from a response body, one JSON-RPC message per event.
struct SSEReader {
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private var pending: [UInt8] = []

    init(_ body: HTTPClientResponse.Body) {
        iterator = body.makeAsyncIterator()
    }

    /// The next event's message, or `nil` at the end of the stream.
    mutating func next() async throws -> JSONValue? {
        while true {
            let newline = UInt8(ascii: "\n")
            if let end = pending.indices.dropLast().first(where: {
                pending[$0] == newline && pending[$0 + 1] == newline
            }) {
                let event = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeFirst(end + 2)
                let data = event.split(separator: "\n").filter { $0.hasPrefix("data: ") }.map { $0.dropFirst(6) }
                return try JSONCodec.parse(data.joined(separator: "\n"))
            }
            guard let chunk = try await iterator.next() else { return nil }
            pending += Array(chunk.readableBytesView)
        }
    }
}
