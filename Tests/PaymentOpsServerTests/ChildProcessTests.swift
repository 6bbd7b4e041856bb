import DynamicJSON
import Glibc
import Testing

@Suite("The child-process helper bounds every wait")
struct ChildProcessTests {
    @Test("a server still serving at the deadline is killed, and the wait says so instead of hanging")
    func killedAtDeadline() async throws {
        let child = try ChildProcess(arguments: ["serve"])
        try await child.send(rpc(id: 1, "ping"))
        #expect(try await child.readLines(upTo: 1) == [#"{"id":1,"jsonrpc":"2.0","result":{}}"#])
        #expect(try await child.waitForExit(within: .milliseconds(100)) == nil)
        #expect(kill(child.pid, 0) == -1 && errno == ESRCH)
    }

    @Test("a line that never comes ends the read at its deadline")
    func readEndsAtDeadline() async throws {
        let child = try ChildProcess(arguments: ["serve"])
        #expect(try await child.nextLine(within: .milliseconds(100)) == nil)
        #expect(child.outputEnded == nil)
    }
}
