import Glibc
import Synchronization

/// Write end of the pipe the C signal handler reports into. Global because a C signal handler
/// cannot capture context; -1 until a watcher starts.
private let signalPipe = Atomic<Int32>(-1)

/// Calls a handler when one of the given signals arrives, instead of the default termination.
///
/// The handler is in place when `start` returns: `sigaction` installs a C handler right away,
/// which only writes the signal number into a pipe (`write` is async-signal-safe), and a
/// dedicated thread reads the pipe and calls the handler. A libdispatch signal source is not
/// enough: it installs its handler later, on libdispatch's manager thread, so on a busy machine
/// a SIGTERM that arrived first met `SIG_IGN` and was dropped, and the server never exited.
enum SignalWatcher {
    /// Starts watching `signals` for the rest of the process; call it once.
    /// - Throws: `SignalPipeError` or `ThreadStartError` when the pipe or the thread cannot be made.
    static func start(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SignalPipeError(code: errno) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        // A full pipe must not block the handler; a dropped byte still leaves earlier ones to read.
        _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
        try DetachedThread.start {
            var signalNumber: UInt8 = 0
            while withUnsafeMutableBytes(of: &signalNumber, { FileDescriptorIO.read(into: $0, from: readEnd) }) == 1 {
                handler(Int32(signalNumber))
            }
        }
        signalPipe.store(writeEnd, ordering: .releasing)
        for signalNumber in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                let savedErrno = errno
                var byte = UInt8(truncatingIfNeeded: signalNumber)
                _ = write(signalPipe.load(ordering: .acquiring), &byte, 1)
                errno = savedErrno
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signalNumber, &action, nil)
        }
    }
}

/// The pipe that carries signals to the watcher thread could not be made; keeps `errno`.
struct SignalPipeError: Error, Equatable {
    /// The error number `pipe` set.
    let code: Int32
}
