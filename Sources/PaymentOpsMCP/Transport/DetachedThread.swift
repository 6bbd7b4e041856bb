import Glibc

/// A detached POSIX thread for work that blocks in a system call, so the blocking never
/// occupies one of the few threads that run Swift tasks.
enum DetachedThread {
    /// Runs `body` on a new detached thread.
    /// - Throws: `ThreadStartError` when the thread cannot be created.
    static func start(_ body: @escaping @Sendable () -> Void) throws(ThreadStartError) {
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
