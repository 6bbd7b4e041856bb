import DynamicJSON
import Glibc
import Testing

@testable import PaymentOpsMCP

@Suite("End to end: the built binary over pipes", .serialized)
struct EndToEndTests {
    @Test("a piped session answers every request on its own JSON line and exits within 2 s of EOF")
    func pipedSession() async throws {
        let child = try ChildProcess(arguments: [])
        let requests: [String] = [
            line(
                rpc(
                    id: 1, "initialize",
                    [
                        "protocolVersion": "2025-11-25", "capabilities": [:],
                        "clientInfo": ["name": "e2e", "version": "1"],
                    ])),
            line(rpc(id: nil, "notifications/initialized")),
            line(rpc(id: 0, "ping")),
            line(rpc(id: "t", "tools/list")),
            line(rpc(id: 3, "server/discover", enveloped())),
            "this is not json",
            "{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"ping\",\"params\":{\"pad\":\""
                + String(repeating: "x", count: 5 * 1024 * 1024) + "\"}}",
            line(rpc(id: 4, "ping")),
            line(rpc(id: 5, "tools/list", enveloped())),
        ]
        try await child.write(requests.joined(separator: "\n") + "\n")
        let firstLines = try await child.readLines(upTo: 8)
        let eof = ContinuousClock.now
        child.closeInput()
        let rest = try await child.readLines(within: .seconds(3))
        let ended = try #require(child.outputEnded)
        #expect(ended - eof < .seconds(2))
        #expect(try await child.waitForExit() == 0)

        let output = firstLines + rest
        var ids: [JSONValue] = []
        for text in output {
            let message = try JSONCodec.parse(text)
            #expect(message["jsonrpc"] == "2.0", "\(text.prefix(200))")
            #expect((message["result"] == nil) != (message["error"] == nil), "\(text.prefix(200))")
            ids.append(message["id"] ?? "missing")
        }
        #expect(Set(ids) == [1, 0, "t", 3, .null, 4, 5])
        #expect(ids.count(where: { $0 == .null }) == 2)
        #expect(ids.count == 8)
    }

    @Test("SIGTERM ends a waiting server with status 0")
    func terminate() async throws {
        let child = try ChildProcess(arguments: ["serve"])
        try await child.send(rpc(id: 1, "ping"))
        #expect(try await child.readLines(upTo: 1) == [#"{"id":1,"jsonrpc":"2.0","result":{}}"#])
        let signalled = ContinuousClock.now
        kill(child.pid, SIGTERM)
        _ = try await child.readLines(within: .seconds(3))
        let ended = try #require(child.outputEnded)
        #expect(ended - signalled < .seconds(2))
        #expect(try await child.waitForExit() == 0)
    }

    @Test("--version prints the version on stdout")
    func version() async throws {
        let child = try ChildProcess(arguments: ["--version"])
        #expect(try await child.readLines() == ["0.1.0"])
        #expect(try await child.waitForExit() == 0)
    }

    @Test(
        "a bad flag or value exits with status 64 and nothing on stdout",
        arguments: [["--bogus"], ["seed", "--customers", "x"], ["seed", "--customers", "5000"], ["bogus"]])
    func badArguments(arguments: [String]) async throws {
        let child = try ChildProcess(arguments: arguments)
        #expect(try await child.readLines().isEmpty)
        #expect(try await child.waitForExit() == 64)
    }

    @Test("--help explains the server and its default subcommand")
    func help() async throws {
        let child = try ChildProcess(arguments: ["--help"])
        let text = try await child.readLines().joined(separator: "\n")
        #expect(text.contains("USAGE: payment-ops <subcommand>"))
        #expect(text.contains("serve (default)"))
        #expect(try await child.waitForExit() == 0)
    }
}
