import Glibc
import Testing

@testable import PaymentOpsServer

@Suite("End to end: the built binary over pipes", .serialized)
struct EndToEndTests {
    @Test("a piped session answers every request on its own JSON line and exits within 2 s of EOF")
    func pipedSession() throws {
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
        child.write(requests.joined(separator: "\n") + "\n")
        let firstLines = child.readLines(upTo: 8)
        let eof = ContinuousClock.now
        child.closeInput()
        let rest = child.readLines(within: .seconds(3))
        let elapsed = ContinuousClock.now - eof
        #expect(rest.reachedEOF)
        #expect(elapsed < .seconds(2))
        #expect(child.waitForExit() == 0)

        let output = firstLines.lines + rest.lines
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
    func terminate() throws {
        let child = try ChildProcess(arguments: ["serve"])
        child.write(line(rpc(id: 1, "ping")) + "\n")
        #expect(child.readLines(upTo: 1).lines == [#"{"id":1,"jsonrpc":"2.0","result":{}}"#])
        let signalled = ContinuousClock.now
        kill(child.pid, SIGTERM)
        #expect(child.readLines(within: .seconds(3)).reachedEOF)
        #expect(ContinuousClock.now - signalled < .seconds(2))
        #expect(child.waitForExit() == 0)
    }

    @Test("--version prints the version on stdout")
    func version() throws {
        let child = try ChildProcess(arguments: ["--version"])
        #expect(child.readLines().lines == ["0.1.0"])
        #expect(child.waitForExit() == 0)
    }

    @Test("--help explains the server and its default subcommand")
    func help() throws {
        let child = try ChildProcess(arguments: ["--help"])
        let text = child.readLines().lines.joined(separator: "\n")
        #expect(text.contains("USAGE: payment-ops <subcommand>"))
        #expect(text.contains("serve (default)"))
        #expect(child.waitForExit() == 0)
    }
}
