import Glibc

@testable import PaymentOpsServer

/// The built `payment-ops` binary, run over pipes with a chosen environment, as an MCP client runs it.
final class ServerProcess {
    struct SpawnError: Error { let code: Int32 }

    let pid: pid_t
    private var input: Int32
    private let output: Int32
    private var buffered: [UInt8] = []

    /// `payment-ops` from the build directory that holds the running test binary.
    static var binaryPath: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        let testBinary = String(decoding: buffer.prefix(max(length, 0)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return testBinary.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            + "/payment-ops"
    }

    /// Starts the binary with exactly `environment`, stdin and stdout on pipes, stderr discarded.
    init(arguments: [String], environment: [String: String]) throws {
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw SpawnError(code: errno) }
        // Close-on-exec keeps these pipe ends out of other children, which would hide the EOF.
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let path = Self.binaryPath
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var childPID = pid_t()
        let status = posix_spawn(&childPID, path, &actions, nil, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw SpawnError(code: status)
        }
        pid = childPID
        input = toChild[1]
        output = fromChild[0]
    }

    deinit {
        closeInput()
        close(output)
    }

    /// Writes one message as a line.
    func send(_ message: JSONValue) {
        let bytes = Array((line(message) + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Sends a request and reads the next line of stdout as its response.
    func request(_ method: String, id: JSONValue, params: JSONValue? = nil) throws -> JSONValue? {
        send(rpc(id: id, method, params))
        return try nextLine().map { try JSONCodec.parse($0) }
    }

    /// The next line of stdout, or `nil` at EOF or after `timeout`.
    func nextLine(timeout: Duration = .seconds(10)) -> String? {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeFirst(newline + 1)
                return line
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return nil }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let milliseconds =
                remaining.components.seconds * 1_000 + remaining.components.attoseconds / 1_000_000_000_000_000
            guard poll(&descriptor, 1, Int32(max(milliseconds, 1))) > 0 else { continue }
            let count = read(output, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffered += chunk[..<count]
        }
    }

    /// Closes the child's stdin: the server finishes and exits.
    func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    /// Waits for the child to end; its exit status, or -1 when a signal ended it.
    func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
