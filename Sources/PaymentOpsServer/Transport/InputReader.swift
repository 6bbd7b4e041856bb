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
        try startThread {
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

    /// Runs `body` on a new detached POSIX thread.
    private static func startThread(_ body: @escaping @Sendable () -> Void) throws(ThreadStartError) {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { argument in
                guard let argument else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue().body()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            throw ThreadStartError(code: status)
        }
        pthread_detach(thread)
    }
}

/// Carries a closure across `pthread_create`'s untyped context pointer.
private final class ThreadBody: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// `pthread_create` failed; keeps its error number.
struct ThreadStartError: Error, Equatable {
    /// The error number `pthread_create` returned.
    let code: Int32
}
