import Dispatch
import Synchronization

/// A curl handle (and so a kept-alive connection) together with the thread its blocking transfers run on.
final class CurlConnection: Sendable {
    /// The handle, locked for each whole transfer so that it never serves two at once.
    private let easy: Mutex<CurlEasy>
    /// A serial queue of its own: `curl_easy_perform` blocks, and must not hold a thread of Swift's
    /// cooperative pool, which would stall unrelated tasks for up to the total timeout.
    private let queue = DispatchQueue(label: "payment-ops.stripe.curl")

    /// Creates a connection with a fresh handle.
    init() throws(TransportFailure) {
        easy = Mutex(try CurlEasy())
    }

    /// Runs one transfer on this connection's queue and waits for it without blocking the caller's thread.
    ///
    /// Cancelling the awaiting task sets a flag that the transfer's progress callback checks at least once a
    /// second, which aborts the transfer.
    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportFailure> {
        let cancellation = CancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    let result = self.easy.withLock { $0.transfer(request, cancellation: cancellation) }
                    continuation.resume(returning: result)
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}
