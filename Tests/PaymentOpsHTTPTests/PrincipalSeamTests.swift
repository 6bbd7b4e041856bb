import DynamicJSON
import OrdersStore
import PaymentCore
import Testing

@testable import PaymentOpsMCP

@Suite("The principal seam in the engine")
struct PrincipalSeamTests {
    private func engine() throws -> Server {
        let service = PaymentService(store: try SQLiteStore(url: "sqlite::memory:"), gateway: nil)
        let real = makeCatalog(service: service)
        let catalog = Catalog(instructions: "", tools: real.tools + [ConfirmActionTool {}])
        return Server(catalog: catalog, outbound: { _ in })
    }

    private func send(_ server: Server, _ message: JSONValue, as principal: RequestPrincipal?) async throws
        -> JSONValue?
    {
        await server.receive(try JSONCodec.encode(message), principal: principal).response()
    }

    @Test("the engine lists and runs only the tools the principal may use, and hands the tool its actor")
    func engineFiltersAndForwards() async throws {
        let server = try engine()
        let reader = RequestPrincipal(actor: "ada@support.example", subject: "agent-1") { $0 == "confirm_action" }
        _ = try await send(
            server, rpc(id: 1, "initialize", ["protocolVersion": "2025-11-25", "capabilities": [:]]), as: reader)
        let list = try await send(server, rpc(id: 2, "tools/list"), as: reader)
        #expect(list?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["confirm_action"])
        let refused = try await send(
            server, rpc(id: 3, "tools/call", ["name": "lookup_customer", "arguments": ["email": "a@example.com"]]),
            as: reader)
        #expect(refused?["error"]?["message"] == "Invalid params: unknown tool \"lookup_customer\"")
        let answered = try await send(server, rpc(id: 4, "tools/call", ["name": "confirm_action"]), as: reader)
        #expect(answered?["result"]?["structuredContent"]?["actor"] == "ada@support.example")
        let stdio = try await send(server, rpc(id: 5, "tools/list"), as: nil)
        #expect(stdio?["result"]?["tools"]?.arrayValue?.count == 8)
    }
}
