import Glibc

/// Reads lines from a file descriptor on a dedicated thread, so a blocking `read` never
/// occupies one of the few threads that run Swift tasks.
enum InputReader {
    /// Size of one `read` call.
    static let chunkSize = 64 * 1024

    /// Starts reading `descriptor` until end of input, yielding its lines into `continuation`
    /// and finishing it at end of input.
    /// - Throws: `ThreadStartError` when the thread cannot be created.
    static func start(
        descriptor: Int32, lineLimit: Int, into continuation: AsyncStream<LineSplitter.Event>.Continuation
    ) throws(ThreadStartError) {
        try DetachedThread.start {
            var splitter = LineSplitter(limit: lineLimit)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
            defer { buffer.deallocate() }
            while true {
                let count = FileDescriptorIO.read(into: buffer, from: descriptor)
                guard count > 0 else { break }
                for event in splitter.push(UnsafeRawBufferPointer(rebasing: buffer[..<count])) {
                    continuation.yield(event)
                }
            }
            for event in splitter.finish() { continuation.yield(event) }
            continuation.finish()
        }
    }
}
