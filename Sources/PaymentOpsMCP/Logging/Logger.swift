import Glibc
import Synchronization

/// Writes log lines to stderr at or above a threshold; stdout is for the protocol only.
///
/// Callers must not pass secrets or customer data: log what happened, not the values.
public struct Logger: Sendable {
    /// Lines below this level are dropped.
    public let threshold: LogLevel
    /// Where lines go; stderr in the server, a recorder in tests.
    private let sink: @Sendable (String) -> Void

    /// Creates a logger writing to `sink`, stderr by default.
    public init(threshold: LogLevel, sink: @escaping @Sendable (String) -> Void = Logger.writeToStderr) {
        self.threshold = threshold
        self.sink = sink
    }

    /// A logger that drops everything.
    public static let silent = Logger(threshold: .emergency, sink: { _ in })

    /// Writes `message` when `level` is at or above the threshold.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= threshold else { return }
        sink("payment-ops [\(level.name)] \(message())")
    }

    /// Serializes stderr writes so concurrent log lines never interleave.
    private static let stderrLock = Mutex(())

    /// Writes one line to file descriptor 2.
    @Sendable public static func writeToStderr(_ line: String) {
        _ = stderrLock.withLock { _ in
            FileDescriptorIO.writeAll(Array((line + "\n").utf8), to: 2)
        }
    }
}
