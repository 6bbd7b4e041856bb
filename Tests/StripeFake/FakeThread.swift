import Glibc

/// Starts detached POSIX threads for the fake's blocking socket work, which must not occupy threads of Swift's
/// cooperative pool or of Dispatch's (a hanging connection would hold one for as long as the test runs).
enum FakeThread {
    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Runs `body` on a new detached thread.
    ///
    /// - Throws: `FakeServerError` when the thread cannot be created.
    static func detach(_ body: @escaping @Sendable () -> Void) throws(FakeServerError) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                context.map { Unmanaged<Body>.fromOpaque($0).takeRetainedValue().run() }
                return nil
            }, context)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw FakeServerError(operation: "pthread_create", code: result)
        }
        pthread_detach(thread)
    }
}

/// A system call of the fake server failed.
public struct FakeServerError: Error, Sendable, CustomStringConvertible {
    /// The call that failed, such as `bind`.
    public var operation: String
    /// Its `errno` or result code.
    public var code: Int32

    /// `bind failed: Address already in use`.
    public var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
}
