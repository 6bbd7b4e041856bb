import Glibc

/// The built `payment-ops` binary, run over pipes as an MCP client would run it.
final class ChildProcess {
    struct SpawnError: Error { let code: Int32 }

    let pid: pid_t
    private(set) var input: Int32
    let output: Int32

    /// `payment-ops` from the same build products directory as the running test binary.
    static var binaryPath: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        let testBinary =
            length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let directory = testBinary.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
            separator: "/")
        return directory + "/payment-ops"
    }

    /// Starts the binary with stdin and stdout on pipes and stderr discarded.
    init(arguments: [String], environment: [String] = ["LOG_LEVEL=debug"]) throws {
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw SpawnError(code: errno) }
        // Close-on-exec keeps our pipe ends out of other children, which would otherwise hold
        // the child's stdin open and hide the EOF (the suite is serialized as well).
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let path = Self.binaryPath
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
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

    func write(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(input, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    func closeInput() {
        guard input >= 0 else { return }
        close(input)
        input = -1
    }

    /// Reads stdout until `lines` lines arrived, EOF, or the deadline passed.
    func readLines(upTo lines: Int = .max, within timeout: Duration = .seconds(5)) -> (
        lines: [String], reachedEOF: Bool
    ) {
        let deadline = ContinuousClock.now + timeout
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count(where: { $0 == UInt8(ascii: "\n") }) < lines {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { break }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(
                remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&descriptor, 1, max(milliseconds, 1)) > 0 else { continue }
            let count = read(output, &chunk, chunk.count)
            if count <= 0 {
                return (Self.split(bytes), true)
            }
            bytes += chunk[..<count]
        }
        return (Self.split(bytes), false)
    }

    /// Waits for the process to end; its exit status, or -1 when it was killed by a signal.
    func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    private static func split(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
