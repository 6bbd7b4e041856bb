import AsyncHTTPClient
import DynamicJSON
import Testing

@testable import PaymentOpsHTTP

@Suite("Protected Resource Metadata")
struct MetadataTests {
    @Test("the metadata is served, without a token, at the well-known path and at it plus the endpoint's path")
    func document() async throws {
        try await HTTPWorld.run { world in
            for path in ["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"] {
                let answer = try await world.send(HTTPClientRequest(url: world.base + path))
                #expect(answer.status == 200)
                #expect(answer.header("Content-Type") == "application/json")
                #expect(
                    answer.json == [
                        "resource": "http://localhost/mcp", "authorization_servers": [.string(world.issuer.url)],
                        "scopes_supported": ["payments:read", "payments:write", "refunds:create", "refunds:approve"],
                        "bearer_methods_supported": ["header"], "resource_name": "payment-ops",
                    ])
            }
        }
    }
}
