import DynamicJSON
import Glibc
import Synchronization
import Testing

@testable import PaymentOpsMCP

@Suite("Output writer and logger")
struct OutputAndLoggingTests {
    /// Reads everything from `descriptor` until EOF.
    func drain(_ descriptor: Int32) -> [String] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            guard count > 0 else { break }
            bytes += chunk[..<count]
        }
        return bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("concurrent messages come out as whole lines, and an unencodable response becomes an internal error")
    func writer() async throws {
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        let writer = OutputWriter(descriptor: fds[1], logger: .silent)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    let text = String(repeating: "é\n", count: 100)
                    writer.write(Response(id: .int(index), outcome: .success(MethodResult(["text": .string(text)]))))
                }
            }
        }
        writer.write(Response(id: .string("nan"), outcome: .success(MethodResult(["x": .double(.nan)]))))
        writer.write(OutgoingMessage.notification(method: "notifications/message", params: ["x": .double(.infinity)]))
        close(fds[1])
        let lines = drain(fds[0])
        close(fds[0])
        #expect(lines.count == 51)
        let messages = try lines.map { try JSONCodec.parse($0) }
        #expect(Set(messages.prefix(50).compactMap { $0["id"]?.intValue }) == Set(0..<50))
        #expect(messages.last == errorResponse(id: "nan", code: -32603, message: "Internal error"))
    }

    @Test("the logger drops lines below its threshold and prefixes the rest")
    func logger() {
        let lines = Mutex<[String]>([])
        let logger = Logger(threshold: .warning, sink: { line in lines.withLock { $0.append(line) } })
        logger.log(.info, "quiet")
        logger.log(.warning, "loud")
        logger.log(.error, "louder")
        #expect(lines.withLock { $0 } == ["payment-ops [warning] loud", "payment-ops [error] louder"])
    }

    @Test("log level names are read as MCP and LOG_LEVEL spell them")
    func levelNames() {
        #expect(LogLevel(name: "debug") == .debug)
        #expect(LogLevel(name: "WARNING") == .warning)
        #expect(LogLevel(name: "warn") == .warning)
        #expect(LogLevel(name: "emergency") == .emergency)
        #expect(LogLevel(name: "verbose") == nil)
        #expect(LogLevel.info < .notice)
    }
}
