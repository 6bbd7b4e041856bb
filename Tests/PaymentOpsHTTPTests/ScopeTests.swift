import DynamicJSON
import Testing

@testable import PaymentOpsHTTP

@Suite("Scopes")
struct ScopeTests {
    private func call(_ tool: String, _ arguments: JSONValue = [:]) -> JSONValue {
        rpc(id: 2, "tools/call", ["name": .string(tool), "arguments": arguments])
    }

    @Test("a read token cannot move money: issue_refund answers 403 asking for refunds:create")
    func readTokenCannotRefund() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token(scopes: ["payments:read"])
            let session = try await world.initialize(token: token)
            let answer = try await world.post(
                call("issue_refund", ["email": "a@example.com", "confirmed": true]), token: token, session: session)
            #expect(answer.status == 403)
            #expect(
                answer.header("WWW-Authenticate")
                    == "Bearer error=\"insufficient_scope\", scope=\"refunds:create\", resource_metadata=\"\(HTTPWorld.metadataURL)\""
            )
        }
    }

    @Test("each call needs its own scope")
    func scopesPerCall() async throws {
        try await HTTPWorld.run { world in
            let refunder = try await world.token(subject: "refunder", scopes: ["refunds:create"])
            let session = try await world.initialize(token: refunder)
            let cases: [(JSONValue, String)] = [
                (call("create_payment_link", ["amount_cents": 100, "description": "x"]), "payments:write"),
                (call("flag_for_review", ["payment_intent_id": "pi_1", "note": "x"]), "payments:write"),
                (call("approve_refund"), "refunds:approve"),
                (call("lookup_customer", ["email": "a@example.com"]), "payments:read"),
                (call("confirm_action"), "payments:write"),
                (rpc(id: 3, "resources/list"), "payments:read"),
                (rpc(id: 4, "prompts/list"), "payments:read"),
                (rpc(id: 5, "completion/complete", [:]), "payments:read"),
            ]
            for (message, scope) in cases {
                let answer = try await world.post(message, token: refunder, session: session)
                #expect(answer.status == 403)
                #expect(answer.header("WWW-Authenticate")?.contains("scope=\"\(scope)\"") == true, "\(message)")
            }
        }
    }

    @Test("tools/list shows only the tools the token's scopes allow")
    func toolsListFiltered() async throws {
        try await HTTPWorld.run { world in
            func names(_ scopes: [String]) async throws -> [String] {
                let token = try await world.token(subject: "agent-" + scopes.joined(), scopes: scopes)
                let session = try await world.initialize(token: token)
                let answer = try await world.post(rpc(id: 2, "tools/list"), token: token, session: session)
                return answer.json?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            }
            let none = try await names([])
            let read = try await names(["payments:read"])
            let refund = try await names(["refunds:create"])
            let write = try await names(["payments:write"])
            #expect(none == [])
            #expect(read == ["lookup_customer", "list_payments", "get_order_history", "revenue_summary"])
            #expect(refund == ["issue_refund"])
            #expect(write == ["create_payment_link", "flag_for_review", "confirm_action"])
        }
    }

    @Test("scopes may come as an scp array")
    func scpArray() async throws {
        try await HTTPWorld.run { world in
            var claims = world.claims(scopes: [])
            claims.scope = nil
            claims.scp = ["payments:read"]
            let token = try await TestIssuer.token(claims)
            let session = try await world.initialize(token: token)
            let answer = try await world.post(rpc(id: 2, "prompts/list"), token: token, session: session)
            #expect(answer.status == 200)
        }
    }
}
