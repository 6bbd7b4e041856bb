import Glibc
import Testing

@testable import PaymentOpsMCP

@Suite("Signal watcher")
struct SignalWatcherTests {
    @Test("a signal sent to the process as soon as watching starts reaches the handler", .timeLimit(.minutes(1)))
    func signalRightAfterStart() async throws {
        let (received, continuation) = AsyncStream.makeStream(of: Int32.self)
        // SIGUSR2, not SIGTERM: the handler stays installed for the rest of the test process.
        try SignalWatcher.start(signals: [SIGUSR2]) { continuation.yield($0) }
        kill(getpid(), SIGUSR2)
        var signals = received.makeAsyncIterator()
        #expect(await signals.next() == SIGUSR2)
    }
}
