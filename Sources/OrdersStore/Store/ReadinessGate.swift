import Synchronization

/// A one-time event that tasks wait for: opened once with a result, which every waiter then gets.
///
/// Waiting honours cancellation: a cancelled waiter stops waiting at once with `CancellationError`, while the
/// event itself goes on for the others.
final class ReadinessGate: Sendable {
    private struct Waiting {
        var continuations: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
    }

    private enum State {
        case waiting(Waiting)
        case open(Result<Void, any Error>)
    }

    private let state = Mutex(State.waiting(Waiting()))

    /// Creates a gate that is not open yet.
    init() {}

    /// Opens the gate: every waiter, present and future, gets `result`. Only the first call counts.
    func open(_ result: Result<Void, any Error>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard case .waiting(let waiting) = state else { return [] }
            state = .open(result)
            return Array(waiting.continuations.values)
        }
        for waiter in waiters {
            waiter.resume(with: result)
        }
    }

    /// Returns once the gate is open, or throws its failure; throws `CancellationError` if the task is cancelled
    /// first.
    func wait() async throws {
        let id: UInt64
        switch state.withLock({ state -> Result<Void, any Error>? in
            switch state {
            case .open(let result): return result
            case .waiting: return nil
            }
        }) {
        case .some(let result): return try result.get()
        case .none: id = state.withLock { Self.takeID(&$0) }
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Result<Void, any Error>? in
                    switch state {
                    case .open(let result):
                        return result
                    case .waiting(var waiting):
                        if waiting.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                        waiting.continuations[id] = continuation
                        state = .waiting(waiting)
                        return nil
                    }
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard case .waiting(var waiting) = state else { return nil }
                let continuation = waiting.continuations.removeValue(forKey: id)
                // Cancelled before the continuation was stored: the store above finds the mark instead.
                if continuation == nil { waiting.cancelled.insert(id) }
                state = .waiting(waiting)
                return continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    private static func takeID(_ state: inout State) -> UInt64 {
        guard case .waiting(var waiting) = state else { return 0 }
        let id = waiting.nextID
        waiting.nextID += 1
        state = .waiting(waiting)
        return id
    }
}
