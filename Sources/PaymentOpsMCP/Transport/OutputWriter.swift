import DynamicJSON
import Synchronization

/// The one writer of protocol messages: compact JSON, one message per line, written whole
/// under a lock so concurrent responses never interleave. `write(2)` is unbuffered, so each
/// message is on the wire when `write` returns.
final class OutputWriter: Sendable {
    private let descriptor: Int32
    private let logger: Logger
    private let lock = Mutex(())

    /// Creates a writer for `descriptor` (stdout in the server).
    init(descriptor: Int32, logger: Logger) {
        self.descriptor = descriptor
        self.logger = logger
    }

    /// Writes one response. One that cannot be encoded (a non-finite number) is replaced by an internal error for
    /// the same id, so the client is never left waiting.
    func write(_ response: Response) {
        write(line: response.lineOrInternalError { logger.log(.error, "could not encode a response: \($0)") })
    }

    /// Writes a notification or a request of the server's own; one that cannot be encoded is dropped.
    func write(_ message: JSONValue) {
        do {
            write(line: try JSONCodec.encodeLine(message))
        } catch {
            logger.log(.error, "could not encode a message: \(error)")
        }
    }

    private func write(line: [UInt8]) {
        lock.withLock { _ in
            if !FileDescriptorIO.writeAll(line, to: descriptor) {
                logger.log(.debug, "could not write to the client; it has gone away")
            }
        }
    }
}
