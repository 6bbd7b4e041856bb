import DynamicJSON
import Testing

@testable import PaymentOpsMCP

@Suite("Catalog methods: tools, resources, prompts, completion")
struct CatalogMethodsTests {
    @Test("tools/list shows name, title, schemas and annotations")
    func listTools() async {
        let harness = Harness()
        await harness.initialize()
        let tools = await harness.request("tools/list").result?["tools"]?.arrayValue ?? []
        #expect(tools.compactMap { $0["name"]?.stringValue } == ["echo", "slow", "approve", "progress", "fail"])
        #expect(
            tools.first == [
                "name": "echo", "title": "Echo", "description": "Repeats the text.",
                "inputSchema": EchoTool().inputSchema, "outputSchema": EchoTool().outputSchema,
                "annotations": [
                    "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false,
                ],
            ])
        #expect(
            await harness.request("tools/list", id: 2, params: ["cursor": "x"])
                == errorResponse(id: 2, code: -32602, message: "Invalid params: invalid cursor"))
    }

    @Test("tools/call answers structured content plus one text block")
    func callTool() async {
        let harness = Harness()
        await harness.initialize()
        let response = await harness.request(
            "tools/call", params: ["name": "echo", "arguments": ["text": "hi", "times": 2]])
        #expect(
            response.result == [
                "content": [["type": "text", "text": "hi hi"]], "structuredContent": ["text": "hi hi"],
            ])
    }

    @Test("bad arguments and refusals are isError results; unknown tools and bad params are -32602")
    func toolErrors() async {
        let harness = Harness()
        await harness.initialize()
        let invalid = await harness.request("tools/call", params: ["name": "echo", "arguments": ["text": 1]])
        #expect(
            invalid.result == [
                "content": [["type": "text", "text": "Invalid arguments: \"text\" must be a string, not an integer."]],
                "isError": true,
            ])
        let refused = await harness.request("tools/call", params: ["name": "fail", "arguments": ["refuse": true]])
        #expect(
            refused.result == [
                "content": [["type": "text", "text": "The order is too old to refund."]], "isError": true,
            ])
        #expect(
            await harness.request("tools/call", id: 7, params: ["name": "nope"])
                == errorResponse(id: 7, code: -32602, message: "Invalid params: unknown tool \"nope\""))
        #expect(
            await harness.request("tools/call", id: 8, params: ["name": 5])
                == errorResponse(id: 8, code: -32602, message: "Invalid params: \"name\" must be a string"))
        #expect(
            await harness.request("tools/call", id: 9, params: ["name": "echo", "arguments": [1]])
                == errorResponse(id: 9, code: -32602, message: "Invalid params: \"arguments\" must be an object"))
    }

    @Test("an unexpected failure answers a generic internal error")
    func internalError() async {
        let harness = Harness()
        await harness.initialize()
        #expect(
            await harness.request("tools/call", id: 4, params: ["name": "fail"])
                == errorResponse(id: 4, code: -32603, message: "Internal error"))
        #expect(await harness.answersPing())
    }

    @Test("resources are listed page by page behind opaque cursors")
    func listResources() async {
        let harness = Harness()
        await harness.initialize()
        let first = await harness.request("resources/list").result
        #expect(
            first?["resources"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } == [
                "customer://ada@example.com", "customer://bob@example.com",
            ])
        let second = await harness.request("resources/list", params: ["cursor": first?["nextCursor"] ?? .null]).result
        #expect(second?["resources"] == [["uri": "customer://cy@example.com", "name": "cy@example.com"]])
        let third = await harness.request("resources/list", params: ["cursor": second?["nextCursor"] ?? .null]).result
        #expect(third == ["resources": [["uri": "status://server", "name": "status"]]])
        for cursor: JSONValue in [
            "garbage", 5, .string(PageCursor(provider: 7, inner: nil).encoded),
            .string(PageCursor(provider: 0, inner: "x").encoded),
        ] {
            #expect(
                await harness.request("resources/list", id: 2, params: ["cursor": cursor])
                    == errorResponse(
                        id: 2, code: -32602,
                        message: cursor.stringValue == nil
                            ? "Invalid params: \"cursor\" must be a string" : "Invalid params: invalid cursor"))
        }
    }

    @Test("templates are listed and resources read; unknown URIs are -32002 with the uri")
    func readResources() async {
        let harness = Harness()
        await harness.initialize()
        #expect(
            await harness.request("resources/templates/list").result
                == [
                    "resourceTemplates": [
                        ["uriTemplate": "customer://{email}", "name": "customer", "mimeType": "application/json"]
                    ]
                ])
        #expect(
            await harness.request("resources/read", params: ["uri": "customer://ada@example.com"]).result
                == [
                    "contents": [
                        [
                            "uri": "customer://ada@example.com", "mimeType": "application/json",
                            "text": "{\"email\":\"ada@example.com\"}",
                        ]
                    ]
                ])
        #expect(
            await harness.request("resources/read", id: 5, params: ["uri": "customer://zed@example.com"])
                == errorResponse(
                    id: 5, code: -32002, message: "Resource not found", data: ["uri": "customer://zed@example.com"]))
        #expect(
            await harness.request("resources/read", id: 6, params: [:])
                == errorResponse(id: 6, code: -32602, message: "Invalid params: \"uri\" must be a string"))
    }

    @Test("prompts are listed and built; unknown prompts and missing arguments are -32602")
    func prompts() async {
        let harness = Harness()
        await harness.initialize()
        #expect(
            await harness.request("prompts/list").result
                == [
                    "prompts": [
                        [
                            "name": "daily_report", "title": "Daily report", "description": "Revenue of one day.",
                            "arguments": [["name": "date", "description": "YYYY-MM-DD", "required": true]],
                        ]
                    ]
                ])
        #expect(
            await harness.request("prompts/get", params: ["name": "daily_report", "arguments": ["date": "2026-01-02"]])
                .result
                == [
                    "description": "Report for 2026-01-02",
                    "messages": [
                        ["role": "user", "content": ["type": "text", "text": "Summarise revenue on 2026-01-02."]]
                    ],
                ])
        #expect(
            await harness.request("prompts/get", id: 2, params: ["name": "weekly"])
                == errorResponse(id: 2, code: -32602, message: "Invalid params: unknown prompt \"weekly\""))
        #expect(
            await harness.request("prompts/get", id: 3, params: ["name": "daily_report"])
                == errorResponse(
                    id: 3, code: -32602,
                    message: "Invalid params: prompt \"daily_report\" requires the argument \"date\""))
        #expect(
            await harness.request("prompts/get", id: 4, params: ["name": "daily_report", "arguments": ["date": 5]])
                == errorResponse(id: 4, code: -32602, message: "Invalid params: arguments.date must be a string"))
    }

    @Test("completion offers template variables and prompt arguments, at most 100")
    func completion() async {
        let harness = Harness()
        await harness.initialize()
        let emails = await harness.request(
            "completion/complete",
            params: [
                "ref": ["type": "ref/resource", "uri": "customer://{email}"],
                "argument": ["name": "email", "value": "b"],
            ])
        #expect(emails.result == ["completion": ["values": ["bob@example.com"], "total": 1, "hasMore": false]])
        let dates = await harness.request(
            "completion/complete",
            params: [
                "ref": ["type": "ref/prompt", "name": "daily_report"], "argument": ["name": "date", "value": "2026"],
            ])
        #expect(dates.result?["completion"]?["values"]?.arrayValue?.count == 100)
        #expect(dates.result?["completion"]?["total"] == 150)
        #expect(dates.result?["completion"]?["hasMore"] == true)
        #expect(
            await harness.request(
                "completion/complete", id: 2,
                params: ["ref": ["type": "ref/prompt", "name": "x"], "argument": ["name": "a", "value": ""]])
                == errorResponse(id: 2, code: -32602, message: "Invalid params: unknown prompt \"x\""))
        #expect(
            await harness.request(
                "completion/complete", id: 3,
                params: ["ref": ["type": "ref/resource", "uri": "x://{y}"], "argument": ["name": "y", "value": ""]])
                == errorResponse(id: 3, code: -32602, message: "Invalid params: unknown resource template \"x://{y}\""))
        #expect(
            await harness.request(
                "completion/complete", id: 4, params: ["ref": ["type": "ref/prompt", "name": "daily_report"]])
                == errorResponse(
                    id: 4, code: -32602,
                    message: "Invalid params: \"argument\" must be an object with string \"name\" and \"value\""))
    }
}
