import DynamicJSON
import Glibc

@testable import PaymentOpsMCP

/// The built `payment-ops` binary, run over pipes as an MCP client runs it.
///
/// Every wait has a deadline and blocks on a thread of its own, so a test that spawns the binary
/// may fail but never hangs, and never holds one of the few threads that run other tests' tasks.
final class ChildProcess {
    /// Spawning failed; keeps the error number.
    struct SpawnError: Error { let code: Int32 }
    /// The child did not take all of its input: it ended, or the deadline passed.
    struct InputRefused: Error {}

    /// Generous bound for waits that normally end in milliseconds; reaching it is a failure.
    static let deadline: Duration = .seconds(30)

    let pid: pid_t
    private var input: Int32
    private let output: Int32
    /// Becomes readable when the child ends, whoever else holds its pipes.
    private let exitNotice: Int32
    private var buffered: [UInt8] = []
    /// When the reading thread saw stdout end: timings measured here do not include the wait for a
    /// task thread, which on a busy machine can take seconds.
    private(set) var outputEnded: ContinuousClock.Instant?
    private var reaped = false

    /// `payment-ops` from the build directory that holds the running test binary.
    static var binaryPath: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        let testBinary = String(decoding: buffer.prefix(max(length, 0)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return testBinary.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            + "/payment-ops"
    }

    /// Starts the binary with exactly `environment`, stdin and stdout on pipes, stderr discarded.
    init(arguments: [String], environment: [String: String] = ["LOG_LEVEL": "debug"]) throws {
        guard let addCloseFrom = GNULibc.addCloseFrom, let pidfdOpen = GNULibc.pidfdOpen else {
            throw SpawnError(code: ENOSYS)
        }
        // A child that died must fail its test, not kill the test process when we write to it.
        signal(SIGPIPE, SIG_IGN)
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw SpawnError(code: errno) }
        guard pipe(&fromChild) == 0 else {
            toChild.forEach { close($0) }
            throw SpawnError(code: errno)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Tests spawn in parallel, and `pipe` + `FD_CLOEXEC` is not atomic: without this, a child
        // could inherit another test's stdin pipe and keep that child from ever seeing EOF. The
        // child keeps exactly stdin, stdout and stderr, whatever else the test process has open.
        _ = addCloseFrom(&actions, 3)
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
        let notice = pidfdOpen(childPID, 0)
        guard notice >= 0 else {
            let code = errno
            kill(childPID, SIGKILL)
            Self.reap(childPID)
            close(toChild[1])
            close(fromChild[0])
            throw SpawnError(code: code)
        }
        pid = childPID
        input = toChild[1]
        output = fromChild[0]
        exitNotice = notice
        // Writes wait with a deadline instead of blocking while the child does not read.
        _ = fcntl(input, F_SETFL, O_NONBLOCK)
    }

    deinit {
        closeInput()
        close(output)
        if !reaped {
            // The test ended early: the child must not outlive it.
            kill(pid, SIGKILL)
            Self.reap(pid)
        }
        close(exitNotice)
    }

    /// Writes `text` to the child's stdin.
    /// - Throws: `InputRefused` when the child has not taken it all within `timeout`.
    func write(_ text: String, within timeout: Duration = deadline) async throws {
        let deadline = ContinuousClock.now + timeout
        let bytes = Array(text.utf8)
        let descriptor = input
        let complete = try await Self.onOwnThread { Self.write(bytes, to: descriptor, until: deadline) }
        guard complete else { throw InputRefused() }
    }

    /// Writes one message as a line.
    func send(_ message: JSONValue) async throws {
        try await write(line(message) + "\n")
    }

    /// Sends a request and reads the next line of stdout as its response.
    func request(_ method: String, id: JSONValue, params: JSONValue? = nil) async throws -> JSONValue? {
        try await send(rpc(id: id, method, params))
        return try await nextLine().map { try JSONCodec.parse($0) }
    }

    /// Closes the child's stdin: the server finishes and exits.
    func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    /// The next line of stdout, or `nil` at EOF or after `timeout`.
    func nextLine(within timeout: Duration = deadline) async throws -> String? {
        try await readLines(upTo: 1, within: timeout).first
    }

    /// Reads stdout until `count` whole lines arrived, EOF, or `timeout` passed.
    func readLines(upTo count: Int = .max, within timeout: Duration = deadline) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        let missing = count - buffered.count(where: Self.isNewline)
        if missing > 0 && outputEnded == nil {
            let descriptor = output
            let read = try await Self.onOwnThread {
                Self.read(descriptor, until: deadline) { $0.count(where: Self.isNewline) >= missing }
            }
            buffered += read.bytes
            outputEnded = read.ended
        }
        var lines: [String] = []
        while lines.count < count, let newline = buffered.firstIndex(where: Self.isNewline) {
            lines.append(String(decoding: buffered[..<newline], as: UTF8.self))
            buffered.removeSubrange(...newline)
        }
        return lines
    }

    /// Waits for the child to end: its exit status, -1 when a signal ended it, or `nil` when it
    /// was still running after `timeout` and had to be killed.
    func waitForExit(within timeout: Duration = deadline) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        let (pid, notice) = (pid, exitNotice)
        let status = try await Self.onOwnThread {
            let exited = Self.poll(notice, for: POLLIN, until: deadline)
            if !exited { kill(pid, SIGKILL) }
            let status = Self.reap(pid)
            return exited ? status : nil
        }
        reaped = true
        return status
    }

    private static func isNewline(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") }

    /// Collects the child's exit status, or -1 when a signal ended it.
    @discardableResult
    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    /// Whether `descriptor` became ready for `events` before `deadline`.
    private static func poll(_ descriptor: Int32, for events: Int32, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            let milliseconds =
                remaining.components.seconds * 1_000
                + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
            var entry = pollfd(fd: descriptor, events: Int16(events), revents: 0)
            if Glibc.poll(&entry, 1, Int32(clamping: milliseconds)) > 0 { return true }
        }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, until deadline: ContinuousClock.Instant)
        -> Bool
    {
        var offset = 0
        while offset < bytes.count {
            guard poll(descriptor, for: POLLOUT, until: deadline) else { return false }
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if errno != EAGAIN && errno != EINTR {
                return false
            }
        }
        return true
    }

    private static func read(
        _ descriptor: Int32, until deadline: ContinuousClock.Instant, enough: ([UInt8]) -> Bool
    ) -> (bytes: [UInt8], ended: ContinuousClock.Instant?) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while !enough(bytes) && poll(descriptor, for: POLLIN, until: deadline) {
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count == 0 || (count < 0 && errno != EINTR) { return (bytes, .now) }
            if count > 0 { bytes += chunk[..<count] }
        }
        return (bytes, nil)
    }

    /// Runs blocking `body` on a thread of its own and waits for it without holding a task thread.
    private static func onOwnThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            do {
                try DetachedThread.start { continuation.resume(returning: body()) }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
