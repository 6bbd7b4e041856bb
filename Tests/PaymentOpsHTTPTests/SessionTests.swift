import AsyncHTTPClient
import DynamicJSON
import NIOHTTP1
import Testing

@testable import PaymentOpsHTTP

@Suite("Sessions and protocol versions")
struct SessionTests {
    private let list = rpc(id: 2, "tools/list")

    @Test("initialize opens a session; its id serves the requests that follow")
    func sessionServes() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let session = try #require(try await world.initialize(token: token))
            #expect(session.count >= 16)
            #expect(try await world.post(list, token: token, session: session).status == 200)
        }
    }

    @Test("a handshake-era request without Mcp-Session-Id is 400; an unknown session is 404")
    func missingAndUnknownSession() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            _ = try await world.initialize(token: token)
            #expect(try await world.post(list, token: token).status == 400)
            #expect(try await world.post(list, token: token, session: "no-such-session").status == 404)
        }
    }

    @Test("another subject's session id is answered as unknown: 404")
    func sessionBoundToSubject() async throws {
        try await HTTPWorld.run { world in
            let owner = try await world.token(subject: "agent-1")
            let intruder = try await world.token(subject: "agent-2")
            let session = try await world.initialize(token: owner)
            #expect(try await world.post(list, token: intruder, session: session).status == 404)
            #expect(try await world.post(list, token: owner, session: session).status == 200)
        }
    }

    @Test("DELETE ends a session; later requests on it are 404")
    func deleteEndsSession() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let session = try #require(try await world.initialize(token: token))
            var delete = HTTPClientRequest(url: world.endpoint)
            delete.method = .DELETE
            delete.headers.add(name: "Authorization", value: "Bearer \(token)")
            #expect(try await world.send(delete).status == 400)
            delete.headers.add(name: "Mcp-Session-Id", value: session)
            #expect(try await world.send(delete).status == 204)
            #expect(try await world.send(delete).status == 404)
            #expect(try await world.post(list, token: token, session: session).status == 404)
        }
    }

    @Test("a session idle for 30 minutes is gone")
    func idleExpiry() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let session = try await world.initialize(token: token)
            world.clock.advance(by: 29 * 60)
            #expect(try await world.post(list, token: token, session: session).status == 200)
            world.clock.advance(by: 30 * 60 + 1)
            // The token was cached for its hour; a fresh one shows the session, not the token, is gone.
            let fresh = try await world.token()
            #expect(try await world.post(list, token: fresh, session: session).status == 404)
        }
    }

    @Test("MCP-Protocol-Version: missing is taken as 2025-03-26, an unsupported one is 400")
    func protocolVersionHeader() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let session = try await world.initialize(token: token)
            #expect(try await world.post(list, token: token, session: session, version: "2025-11-25").status == 200)
            #expect(try await world.post(list, token: token, session: session).status == 200)
            let refused = try await world.post(list, token: token, session: session, version: "2099-01-01")
            #expect(refused.status == 400)
            #expect(
                refused.json?["error"]?["message"]?.stringValue?.hasPrefix("unsupported MCP-Protocol-Version") == true)
        }
    }

    @Test("MCP-Protocol-Version must be the version the session negotiated")
    func negotiatedVersion() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let session = try await world.initialize(token: token, version: "2025-06-18")
            #expect(try await world.post(list, token: token, session: session, version: "2025-06-18").status == 200)
            let refused = try await world.post(list, token: token, session: session, version: "2025-11-25")
            #expect(refused.status == 400)
            #expect(
                refused.json?["error"]?["message"]
                    == "MCP-Protocol-Version 2025-11-25 is not 2025-06-18, the version this session negotiated")
        }
    }

    @Test("an initialize answered with an error opens no session")
    func failedInitialize() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let answer = try await world.post(rpc(id: 1, "initialize", ["capabilities": [:]]), token: token)
            #expect(answer.status == 200)
            #expect(answer.json?["error"]?["code"] == -32602)
            #expect(answer.header("Mcp-Session-Id") == nil)
        }
    }

    @Test("2026-07-28 requests are served without a session")
    func statelessEra() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let meta: JSONValue = [
                "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities": [:],
            ]
            let answer = try await world.post(
                rpc(id: 1, "tools/list", ["_meta": meta]), token: token, version: "2026-07-28")
            #expect(answer.status == 200)
            #expect(answer.header("Mcp-Session-Id") == nil)
            #expect(answer.json?["result"]?["resultType"] == "complete")
        }
    }

    @Test("notifications get 202; GET gets 405; a body that is not JSON-RPC gets 400")
    func otherShapes() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let session = try await world.initialize(token: token)
            let notification = rpc(id: nil, "notifications/cancelled", ["requestId": 99])
            #expect(try await world.post(notification, token: token, session: session).status == 202)
            var get = HTTPClientRequest(url: world.endpoint)
            get.headers.add(name: "Authorization", value: "Bearer \(token)")
            let answer = try await world.send(get)
            #expect(answer.status == 405)
            #expect(answer.header("Allow") == "POST, DELETE")
            #expect(try await world.post([1, 2], token: token, session: session).status == 400)
        }
    }
}
