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

    /// Writes one message. A response that cannot be encoded (a non-finite number) is replaced
    /// by an internal error for the same id, so the client is never left waiting.
    func write(_ message: JSONValue) {
        let bytes: [UInt8]
        do {
            bytes = try JSONCodec.encodeLine(message)
        } catch {
            logger.log(.error, "could not encode a message: \(error)")
            guard message["method"] == nil, let id = message["id"].flatMap(RequestID.init) else { return }
            write(OutgoingMessage.error(id: id, .internalError))
            return
        }
        lock.withLock { _ in
            if !FileDescriptorIO.writeAll(bytes, to: descriptor) {
                logger.log(.debug, "could not write to the client; it has gone away")
            }
        }
    }
}
