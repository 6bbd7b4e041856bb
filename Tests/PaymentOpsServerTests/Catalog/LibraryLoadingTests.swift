import DynamicJSON
import Glibc
import Testing

@testable import PaymentOpsMCP

@Suite("Start-up loads only what serving needs")
struct LibraryLoadingTests {
    /// The files the process has mapped, one line each, read in chunks: `/proc` files report a size of 0.
    static func mappings(of pid: Int32) -> String {
        let descriptor = open("/proc/\(pid)/maps", O_RDONLY)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var text: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while case let count = read(descriptor, &chunk, chunk.count), count > 0 {
            text += chunk[..<count]
        }
        return String(decoding: text, as: UTF8.self)
    }

    @Test("libcurl is loaded by the first Stripe call, not at start-up")
    func libcurlOnFirstUse() async throws {
        let world = try CatalogWorld()
        try world.addCustomer("ada@example.com")
        let (child, initialize) = try await world.spawnServer()
        #expect(initialize?["result"]?["protocolVersion"] == "2025-06-18")
        let atStart = Self.mappings(of: child.pid)
        #expect(atStart.contains("libsqlite3"))
        #expect(!atStart.contains("libcurl"))

        let lookup = try await child.request(
            "tools/call", id: 2, params: ["name": "lookup_customer", "arguments": ["email": "ada@example.com"]])
        #expect(lookup?["result"]?["structuredContent"]?["stripe"]?["status"] == "ok")
        #expect(Self.mappings(of: child.pid).contains("libcurl"))
        child.closeInput()
        #expect(try await child.waitForExit() == 0)
    }
}
