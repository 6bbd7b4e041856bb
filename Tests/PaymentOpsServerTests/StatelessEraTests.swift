import DynamicJSON
import PaymentCore
import Testing

@testable import PaymentOpsMCP

@Suite("2026-07-28 era: envelopes, discovery and result metadata")
struct StatelessEraTests {
    let serverInfo: JSONValue = ["name": "payment-ops", "title": "Payment Ops", "version": .string(PaymentOps.version)]
    var meta: JSONValue { ["io.modelcontextprotocol/serverInfo": serverInfo] }

    @Test("server/discover lists versions, capabilities, instructions and caching")
    func discover() async {
        let response = await Harness().request("server/discover", id: 1, params: enveloped())
        #expect(
            response?["result"]
                == [
                    "resultType": "complete",
                    "supportedVersions": ["2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"],
                    "capabilities": ServerOptions.capabilities, "instructions": "Test instructions.",
                    "ttlMs": 3_600_000, "cacheScope": "public", "_meta": meta,
                ])
    }

    @Test("an unsupported version is -32022 with the supported and requested versions")
    func unsupportedVersion() async {
        var meta = envelope()
        meta["io.modelcontextprotocol/protocolVersion"] = "2025-11-25"
        #expect(
            await Harness().request("tools/list", id: 2, params: enveloped(meta: meta))
                == errorResponse(
                    id: 2, code: -32022, message: "Unsupported protocol version: 2025-11-25",
                    data: ["supported": ["2026-07-28"], "requested": "2025-11-25"]))
    }

    @Test("missing or malformed envelope keys are -32602 naming the key")
    func envelopeErrors() async {
        let harness = Harness()
        var noVersion = envelope()
        noVersion["io.modelcontextprotocol/protocolVersion"] = nil
        var noCapabilities = envelope()
        noCapabilities["io.modelcontextprotocol/clientCapabilities"] = nil
        var badCapabilities = envelope()
        badCapabilities["io.modelcontextprotocol/clientCapabilities"] = "all"
        let cases: [([String: JSONValue], String)] = [
            (noVersion, "Invalid params: _meta must hold \"io.modelcontextprotocol/protocolVersion\" as a string"),
            (
                noCapabilities,
                "Invalid params: _meta must hold \"io.modelcontextprotocol/clientCapabilities\" as an object"
            ),
            (
                badCapabilities,
                "Invalid params: _meta must hold \"io.modelcontextprotocol/clientCapabilities\" as an object"
            ),
            (
                envelope(logLevel: "loud"),
                "Invalid params: \"io.modelcontextprotocol/logLevel\" must be a log level such as \"info\""
            ),
        ]
        for (meta, message) in cases {
            #expect(
                await harness.request("tools/list", id: 3, params: enveloped(meta: meta))
                    == errorResponse(id: 3, code: -32602, message: message))
        }
        #expect(await harness.answersPing())
    }

    @Test("ping, logging/setLevel and initialize do not exist on an enveloped request")
    func handshakeMethodsAreGone() async {
        let harness = Harness()
        for method in ["ping", "logging/setLevel", "initialize"] {
            #expect(
                await harness.request(
                    method, id: 4, params: enveloped(["level": "info", "protocolVersion": "2025-11-25"]))
                    == errorResponse(id: 4, code: -32601, message: "Method not found: \(method)"))
        }
    }

    @Test("enveloped requests need no initialize, and every result carries resultType and serverInfo")
    func results() async {
        let harness = Harness()
        let tools = await harness.request("tools/list", params: enveloped()).result
        #expect(tools?["resultType"] == "complete")
        #expect(tools?["_meta"] == meta)
        #expect(tools?["ttlMs"] == 3_600_000)
        #expect(tools?["cacheScope"] == "public")
        #expect(tools?["tools"]?.arrayValue?.count == 5)
        let call = await harness.request("tools/call", params: enveloped(["name": "echo", "arguments": ["text": "a"]]))
            .result
        #expect(
            call == [
                "resultType": "complete", "_meta": meta, "content": [["type": "text", "text": "a"]],
                "structuredContent": ["text": "a"],
            ])
        let prompt = await harness.request(
            "prompts/get", params: enveloped(["name": "daily_report", "arguments": ["date": "d"]])
        ).result
        #expect(prompt?["resultType"] == "complete")
        #expect(prompt?["_meta"] == meta)
        #expect(prompt?["ttlMs"] == nil)
        let completion = await harness.request(
            "completion/complete",
            params: enveloped([
                "ref": ["type": "ref/resource", "uri": "customer://{email}"],
                "argument": ["name": "email", "value": "c"],
            ])
        ).result
        #expect(completion?["completion"]?["values"] == ["cy@example.com"])
        #expect(completion?["resultType"] == "complete")
    }

    @Test("resources carry private caching; prompts and templates public")
    func caching() async {
        let harness = Harness()
        let list = await harness.request("resources/list", params: enveloped()).result
        #expect(list?["cacheScope"] == "private")
        #expect(list?["ttlMs"] == 30_000)
        let read = await harness.request("resources/read", params: enveloped(["uri": "customer://ada@example.com"]))
            .result
        #expect(read?["cacheScope"] == "private")
        #expect(read?["contents"]?.arrayValue?.count == 1)
        let status = await harness.request("resources/read", params: enveloped(["uri": "status://server"])).result
        #expect(status?["cacheScope"] == "public")
        #expect(await harness.request("prompts/list", params: enveloped()).result?["cacheScope"] == "public")
        #expect(
            await harness.request("resources/templates/list", params: enveloped()).result?["cacheScope"] == "public")
    }

    @Test("an unknown resource is -32602 with the uri in this era")
    func resourceNotFound() async {
        #expect(
            await Harness().request("resources/read", id: 9, params: enveloped(["uri": "customer://zed@example.com"]))
                == errorResponse(
                    id: 9, code: -32602, message: "Invalid params: resource not found",
                    data: ["uri": "customer://zed@example.com"]))
    }

    @Test("log messages go only to requests that carry a log level; progress works as before")
    func loggingAndProgress() async {
        let harness = Harness()
        var sent = harness.sent.makeAsyncIterator()
        _ = await harness.request("tools/call", params: enveloped(["name": "progress"]))
        var meta = envelope(logLevel: "debug")
        meta["progressToken"] = "t"
        _ = await harness.request("tools/call", params: enveloped(["name": "progress"], meta: meta))
        #expect(await sent.next()?["method"] == "notifications/progress")
        #expect(
            await sent.next()
                == rpc(id: nil, "notifications/message", ["level": "debug", "logger": "payment-ops", "data": "detail"]))
        #expect(await sent.next()?["params"]?["data"] == "careful")
        #expect(await sent.next()?["params"]?["progress"] == 2.0)
    }

    @Test("an enveloped request between handshake-era requests does not change the session")
    func mixedEras() async {
        let harness = Harness()
        await harness.initialize(version: "2025-06-18")
        #expect(await harness.request("tools/list", params: enveloped()).result?["resultType"] == "complete")
        let plain = await harness.request("tools/list").result
        #expect(plain?["resultType"] == nil)
        #expect(plain?["_meta"] == nil)
    }
}
