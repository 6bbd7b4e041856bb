import AsyncHTTPClient
import DynamicJSON
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

@testable import PaymentOpsHTTP

@Suite("Hardening")
struct HardeningTests {
    private let ping = rpc(id: 1, "server/discover")

    @Test("an Origin that is not allowed is 403; an allowed one and none are served")
    func origin() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let evil = try await world.post(ping, token: token, headers: [("Origin", "https://evil.example")])
            #expect(evil.status == 403)
            let allowed = try await world.post(ping, token: token, headers: [("Origin", "https://claude.example")])
            #expect(allowed.status == 200)
            #expect(try await world.post(ping, token: token).status == 200)
        }
    }

    @Test("a body over 1 MiB is 413, whether its length is announced or not")
    func bodyLimit() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token()
            let big = ByteBuffer(repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
            var announced = HTTPClientRequest(url: world.endpoint)
            announced.method = .POST
            announced.headers.add(name: "Authorization", value: "Bearer \(token)")
            announced.body = .bytes(big)
            #expect(try await world.send(announced).status == 413)
            var streamed = announced
            let chunks = (0..<17).map { _ in ByteBuffer(repeating: UInt8(ascii: " "), count: 64 * 1024) }
            streamed.body = .stream(chunks.async, length: .unknown)
            #expect(try await world.send(streamed).status == 413)
        }
    }

    @Test("a subject over its rate is 429 with Retry-After; other subjects are served")
    func rateLimit() async throws {
        try await HTTPWorld.run(configure: { $0.rateLimit = 1 }) { world in
            let busy = try await world.token(subject: "busy")
            #expect(try await world.post(ping, token: busy).status == 200)
            #expect(try await world.post(ping, token: busy).status == 200)
            let refused = try await world.post(ping, token: busy)
            #expect(refused.status == 429)
            #expect(refused.header("Retry-After") == "1")
            let calm = try await world.token(subject: "calm")
            #expect(try await world.post(ping, token: calm).status == 200)
            world.clock.advance(by: 1)
            #expect(try await world.post(ping, token: busy).status == 200)
        }
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence, for streamed request bodies.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}

@Suite("Connection limits and logs")
struct ConnectionAndLogTests {
    @Test("a connection that dribbles its request head is closed after the header timeout", .timeLimit(.minutes(1)))
    func headerTimeout() async throws {
        try await HTTPWorld.run(configure: { $0.headerTimeout = .milliseconds(200) }) { world in
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: world.port).get()
            do {
                try await channel.writeAndFlush(ByteBuffer(string: "POST /mcp HTTP/1.1\r\nHost: localhost\r\n")).get()
            } catch ChannelError.ioOnClosedChannel {
                // On a slow machine the timeout can pass before the half head is even written: closed all the same.
            }
            // The server closes it; without the timeout this would wait for the 75 s idle timeout and fail the limit.
            try await channel.closeFuture.get()
        }
    }

    @Test("no token appears in the server's log, accepted or refused")
    func noTokenInLogs() async throws {
        try await HTTPWorld.run { world in
            let valid = try await world.token(scopes: ["payments:read"])
            var wrongAudience = world.claims(scopes: [])
            wrongAudience.aud = ["https://other.example"]
            let refused = try await TestIssuer.token(wrongAudience)
            let session = try await world.initialize(token: valid)
            _ = try await world.post(rpc(id: 2, "tools/list"), token: valid, session: session)
            _ = try await world.post(rpc(id: 3, "tools/call", ["name": "issue_refund"]), token: valid, session: session)
            _ = try await world.post(rpc(id: 4, "server/discover"), token: refused)
            let lines = world.log.all
            #expect(lines.contains { $0.contains("refused an access token: audience does not include") })
            for token in [valid, refused] {
                let signature = String(token.split(separator: ".").last ?? "")
                #expect(!lines.contains { $0.contains(signature) || $0.contains(token) })
            }
        }
    }
}
