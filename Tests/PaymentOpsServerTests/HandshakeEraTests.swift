import DynamicJSON
import PaymentCore
import Testing

@testable import PaymentOpsMCP

@Suite("Handshake era: lifecycle, ids, logging and progress")
struct HandshakeEraTests {
    let serverInfo: JSONValue = ["name": "payment-ops", "title": "Payment Ops", "version": .string(PaymentOps.version)]

    @Test("initialize echoes a supported version and declares what is implemented")
    func initialize() async {
        for version in ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"] {
            let harness = Harness()
            let params: JSONValue = [
                "protocolVersion": .string(version), "capabilities": ["extensions": ["x": [:]], "tasks": [:]],
            ]
            let response = await harness.request("initialize", id: 0, params: params)
            #expect(
                response == [
                    "jsonrpc": "2.0", "id": 0,
                    "result": [
                        "protocolVersion": .string(version),
                        "capabilities": [
                            "tools": ["listChanged": false], "resources": ["subscribe": false, "listChanged": false],
                            "prompts": ["listChanged": false], "completions": [:], "logging": [:],
                        ],
                        "serverInfo": serverInfo, "instructions": "Test instructions.",
                    ],
                ])
        }
    }

    @Test("an unsupported version is answered with the newest one")
    func unsupportedVersion() async {
        let response = await Harness().request(
            "initialize", params: ["protocolVersion": "1999-01-01", "capabilities": [:]])
        #expect(response.result?["protocolVersion"] == "2025-11-25")
    }

    @Test("initialize without a protocol version is invalid params")
    func initializeWithoutVersion() async {
        let response = await Harness().request("initialize", id: 3, params: ["capabilities": [:]])
        #expect(
            response
                == errorResponse(id: 3, code: -32602, message: "Invalid params: \"protocolVersion\" must be a string"))
    }

    @Test("before initialize: ping and discover answer, known methods are refused, unknown ones are not found")
    func beforeInitialize() async {
        let harness = Harness()
        #expect(await harness.answersPing())
        #expect(
            await harness.request("server/discover", id: 1).result?["supportedVersions"]?.arrayValue?.first
                == "2026-07-28")
        #expect(
            await harness.request("tools/list", id: 2)
                == errorResponse(
                    id: 2, code: -32600,
                    message: "Invalid Request: the server is not initialized; send initialize first"))
        #expect(
            await harness.request("tools/frobnicate", id: 3)
                == errorResponse(id: 3, code: -32601, message: "Method not found: tools/frobnicate"))
    }

    @Test("ids come back with their exact type, and 0 is an id")
    func idTypes() async {
        let harness = Harness()
        for id: JSONValue in [0, "0", -5, "req-1", ""] {
            #expect(await harness.request("ping", id: id) == ["jsonrpc": "2.0", "id": id, "result": [:]])
        }
    }

    @Test("notifications are never answered, even unknown or malformed ones")
    func notificationsUnanswered() async {
        let harness = Harness()
        await harness.initialize()
        for notification in [
            rpc(id: nil, "notifications/initialized"), rpc(id: nil, "notifications/unknown"),
            rpc(id: nil, "notifications/cancelled", ["requestId": 99]), rpc(id: nil, "tools/list"),
        ] {
            #expect(await harness.send(notification) == nil)
        }
        #expect(await harness.answersPing())
    }

    @Test("logging/setLevel filters notifications/message; an invalid level is -32602")
    func logging() async {
        let harness = Harness()
        await harness.initialize()
        #expect(
            await harness.request("logging/setLevel", id: 2, params: ["level": "loud"])
                == errorResponse(
                    id: 2, code: -32602,
                    message:
                        "Invalid params: \"level\" must be one of debug, info, notice, warning, error, critical, alert, emergency"
                ))
        #expect(await harness.request("logging/setLevel", params: ["level": "warning"]).result == [:])
        var sent = harness.sent.makeAsyncIterator()
        _ = await harness.request("tools/call", params: ["name": "progress"])
        #expect(
            await sent.next()
                == rpc(
                    id: nil, "notifications/message", ["level": "warning", "logger": "payment-ops", "data": "careful"]))
        #expect(await harness.answersPing())
    }

    @Test("progress is reported only when the request carries a progress token")
    func progress() async {
        let harness = Harness()
        await harness.initialize()
        var sent = harness.sent.makeAsyncIterator()
        _ = await harness.request("tools/call", params: ["name": "progress", "_meta": ["progressToken": "p1"]])
        #expect(
            await sent.next()
                == rpc(
                    id: nil, "notifications/progress",
                    ["progressToken": "p1", "progress": 1.0, "total": 2.0, "message": "half"]))
        #expect(
            await sent.next()
                == rpc(id: nil, "notifications/progress", ["progressToken": "p1", "progress": 2.0, "total": 2.0]))
        _ = await harness.request("tools/call", params: ["name": "progress"])
        _ = await harness.request("tools/call", params: ["name": "progress", "_meta": ["progressToken": 7]])
        #expect(await sent.next()?["params"]?["progressToken"] == 7)
    }

    @Test("server/discover then initialize on the same pipe both succeed")
    func discoverThenInitialize() async {
        let harness = Harness()
        #expect(await harness.request("server/discover", id: 1).result?["resultType"] == "complete")
        #expect(
            await harness.request("initialize", id: 2, params: ["protocolVersion": "2025-06-18", "capabilities": [:]])
                .result?["protocolVersion"] == "2025-06-18")
        #expect(await harness.request("tools/list", id: 3).result?["tools"]?.arrayValue?.count == 5)
    }
}
