import DynamicJSON
import FoundationEssentials
import PaymentCore
import Testing

@testable import OrdersStore
@testable import PaymentOpsMCP

@Suite("Start-up: the protocol answers while the database migrates")
struct StartupMigrationTests {
    @Test("initialize, ping and tools/list answer at once; a tool that needs the database waits for the migration")
    func answersWhileMigrating() async throws {
        let directory = FileManager.default.temporaryDirectory.path + "/startup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let location = DatabaseLocation.file(path: directory + "/payments.db")
        let opened = try SQLiteStore(location: location, busyTimeout: .seconds(5), busyObserver: nil, migrating: false)
        // Another process holds the write lock, so the migration cannot finish until it lets go.
        let holder = try Database(location: location)
        try holder.execute("BEGIN IMMEDIATE")
        let service = PaymentService(store: MigratingStore(opened), gateway: nil)
        let server = Server(catalog: makeCatalog(service: service), outbound: { _ in })

        let initialize = await server.handle(
            line: line(
                rpc(
                    id: 1, "initialize",
                    [
                        "protocolVersion": "2025-11-25", "capabilities": [:],
                        "clientInfo": ["name": "test", "version": "1"],
                    ])))
        #expect(initialize?["result"]?["protocolVersion"] == "2025-11-25")
        _ = await server.handle(line: line(rpc(id: nil, "notifications/initialized")))
        #expect(await server.handle(line: line(rpc(id: 2, "ping"))) == ["jsonrpc": "2.0", "id": 2, "result": [:]])
        #expect(await server.handle(line: line(rpc(id: 3, "tools/list")))?["result"]?["tools"]?.arrayValue?.count == 7)
        let history = await server.receive(
            Array(
                line(
                    rpc(
                        id: 4, "tools/call",
                        ["name": "get_order_history", "arguments": ["email": "nobody@example.com"]])
                ).utf8))

        try holder.execute("COMMIT")
        let answer = await history.response()
        // Had it not waited, the query would have found no customers table.
        #expect(answer?["result"]?["isError"] == true)
        #expect(
            answer?["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue?.hasPrefix(
                "No customer has that email address in the orders database") == true)
        #expect(try await opened.status().schemaVersion == Schema.latestVersion)
    }
}
