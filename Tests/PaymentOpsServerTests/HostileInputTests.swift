import DynamicJSON
import Testing

@testable import PaymentOpsMCP

@Suite("Hostile input: every bad line gets an answer and the server keeps serving")
struct HostileInputTests {
    static let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    static let deepObject = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)

    static let corpus: [(line: [UInt8], answer: JSONValue?)] = [
        (
            Array("not json".utf8),
            errorResponse(id: .null, code: -32700, message: "Parse error: the line is not valid JSON")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":1,".utf8),
            errorResponse(id: .null, code: -32700, message: "Parse error: the line is not valid JSON")
        ),
        (
            [0xFF, 0xFE, 0x7B, 0x7D],
            errorResponse(id: .null, code: -32700, message: "Parse error: the line is not valid UTF-8")
        ),
        (
            Array(deep.utf8),
            errorResponse(id: .null, code: -32700, message: "Parse error: JSON nested deeper than 128 levels")
        ),
        (
            Array(deepObject.utf8),
            errorResponse(id: .null, code: -32700, message: "Parse error: JSON nested deeper than 128 levels")
        ),
        (
            Array("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]".utf8),
            errorResponse(
                id: .null, code: -32600,
                message: "Invalid Request: batch requests are not supported; send one message per line")
        ),
        (
            Array("[]".utf8),
            errorResponse(
                id: .null, code: -32600,
                message: "Invalid Request: batch requests are not supported; send one message per line")
        ),
        (
            Array("42".utf8),
            errorResponse(id: .null, code: -32600, message: "Invalid Request: a message must be a JSON object")
        ),
        (
            Array("null".utf8),
            errorResponse(id: .null, code: -32600, message: "Invalid Request: a message must be a JSON object")
        ),
        (
            Array("{\"id\":1,\"method\":\"ping\"}".utf8),
            errorResponse(id: 1, code: -32600, message: "Invalid Request: \"jsonrpc\" must be \"2.0\"")
        ),
        (
            Array("{\"jsonrpc\":2,\"id\":\"x\",\"method\":\"ping\"}".utf8),
            errorResponse(id: "x", code: -32600, message: "Invalid Request: \"jsonrpc\" must be \"2.0\"")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}".utf8),
            errorResponse(
                id: .null, code: -32600, message: "Invalid Request: \"id\" must be a string or an integer, not boolean")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}".utf8),
            errorResponse(
                id: .null, code: -32600, message: "Invalid Request: \"id\" must be a string or an integer, not object")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":[\"ping\"]}".utf8),
            errorResponse(id: 1, code: -32600, message: "Invalid Request: \"method\" must be a string")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":\"x\"}".utf8),
            errorResponse(id: 1, code: -32600, message: "Invalid Request: \"params\" must be an object, not string")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null}".utf8),
            errorResponse(id: 1, code: -32600, message: "Invalid Request: \"params\" must be an object, not null")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":5}}".utf8),
            errorResponse(id: 1, code: -32602, message: "Invalid params: \"protocolVersion\" must be a string")
        ),
        (
            Array(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":[]}}"
                    .utf8),
            errorResponse(id: 1, code: -32602, message: "Invalid params: \"capabilities\" must be an object")
        ),
        (
            Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"_meta\":3}}".utf8),
            errorResponse(id: 1, code: -32602, message: "Invalid params: \"_meta\" must be an object")
        ),
        (Array("{\"jsonrpc\":\"2.0\",\"id\":\"r\",\"result\":{}}".utf8), nil),
    ]

    @Test("each line of the corpus gets its exact answer, followed by a working ping", arguments: 0..<corpus.count)
    func corpusLine(index: Int) async {
        let harness = Harness()
        let entry = Self.corpus[index]
        let answer = await harness.server.receive(entry.line).response()
        #expect(answer == entry.answer)
        #expect(await harness.answersPing())
    }

    @Test("a line longer than 4 MiB is answered with -32600 and the server keeps serving")
    func oversizedLine() async {
        let harness = Harness()
        let answer = await harness.server.receiveOversizedLine(limit: StdioTransport.lineLimit).response()
        #expect(
            answer
                == errorResponse(
                    id: .null, code: -32600, message: "Invalid Request: the line is longer than 4194304 bytes"))
        #expect(await harness.answersPing())
    }

    @Test("a line just under 4 MiB is served")
    func largeLine() async {
        let harness = Harness()
        await harness.initialize()
        let padding = String(repeating: "x", count: 4 * 1024 * 1024 - 200)
        let response = await harness.request(
            "tools/call", params: ["name": "echo", "arguments": ["text": .string(padding)]])
        #expect(response.result?["isError"] == true)
        #expect(await harness.answersPing())
    }

    @Test("wrong types in every params field of every method are -32602, never a crash")
    func wrongTypes() async {
        let harness = Harness()
        await harness.initialize()
        let calls: [(String, JSONValue)] = [
            ("tools/call", ["name": ["x"]]), ("tools/call", ["name": "echo", "arguments": "text"]),
            ("resources/read", ["uri": 1]), ("resources/list", ["cursor": false]), ("prompts/get", ["name": .null]),
            ("prompts/get", ["name": "daily_report", "arguments": "date"]), ("completion/complete", ["ref": 1]),
            ("logging/setLevel", ["level": 3]), ("resources/templates/list", ["cursor": "a"]),
            ("prompts/list", ["cursor": 1]),
        ]
        for (method, params) in calls {
            #expect(await harness.request(method, id: 1, params: params).errorCode == -32602, "\(method) \(params)")
        }
        #expect(await harness.answersPing())
    }

    @Test("an id reused while its request is in flight is refused")
    func duplicateID() async {
        let harness = Harness()
        await harness.initialize()
        let slow = await harness.start(rpc(id: 1, "tools/call", ["name": "slow"]))
        #expect(
            await harness.request("ping", id: 1)
                == errorResponse(
                    id: 1, code: -32600, message: "Invalid Request: id 1 is already used by a request in progress"))
        await harness.fixtures.gate.open()
        #expect(await slow.response()?["result"]?["structuredContent"] == ["done": true])
    }
}
