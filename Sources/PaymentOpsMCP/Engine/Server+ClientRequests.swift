import DynamicJSON

extension Server {
    /// Sends `elicitation/create` to the client and waits for the answer, the timeout, or
    /// cancellation of the tool call (handshake era only).
    /// - Throws: `CancellationError` when the tool call was cancelled.
    func elicitFromClient(_ params: JSONValue) async throws -> ElicitationOutcome {
        let reply = await askClient(method: "elicitation/create", params: params)
        try Task.checkCancellation()
        switch reply {
        case nil:
            return .timedOut
        case .success(let result)?:
            guard let outcome = ElicitationOutcome(elicitResult: result) else {
                logger.log(.warning, "the client's elicitation result was malformed")
                return .unavailable
            }
            return outcome
        case .failure(let error)?:
            logger.log(.warning, "the client refused elicitation/create with \(error.code)")
            return .unavailable
        }
    }

    /// Sends a request to the client and returns its answer; `nil` when none arrived in time,
    /// the client went away, or the waiting task was cancelled.
    private func askClient(method: String, params: JSONValue) async -> Result<JSONValue, RPCError>? {
        let id = clientRequests.nextID()
        let timeout = options.elicitationTimeout
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard !Task.isCancelled else {
                    continuation.resume(returning: nil)
                    return
                }
                let timer = Task {
                    try await Task.sleep(for: timeout)
                    self.timeOutClientRequest(id)
                }
                clientRequests.register(id, continuation: continuation, timer: timer)
                outbound(OutgoingMessage.request(id: id, method: method, params: params))
            }
        } onCancel: {
            Task { await self.timeOutClientRequest(id) }
        }
    }

    private func timeOutClientRequest(_ id: RequestID) {
        clientRequests.resolve(id, with: nil)
    }
}

/// The server's own requests awaiting the client's answer, matched by id.
///
/// Ids are strings with a prefix of their own, counted per process, so they are unique among
/// the server's requests whatever ids the client uses for its own.
struct ClientRequestTable {
    private var counter = 0
    private var waiting:
        [RequestID: (
            continuation: CheckedContinuation<Result<JSONValue, RPCError>?, Never>, timer: Task<Void, any Error>
        )] = [:]

    /// A fresh id for a server request.
    mutating func nextID() -> RequestID {
        counter += 1
        return .string("payment-ops-\(counter)")
    }

    /// Remembers who waits for the answer to `id`.
    mutating func register(
        _ id: RequestID, continuation: CheckedContinuation<Result<JSONValue, RPCError>?, Never>,
        timer: Task<Void, any Error>
    ) {
        waiting[id] = (continuation, timer)
    }

    /// Hands the answer (or `nil`: no answer) to the waiter of `id`.
    /// - Returns: `false` when nothing waits for `id` (unknown, answered, or timed out already).
    @discardableResult
    mutating func resolve(_ id: RequestID, with outcome: Result<JSONValue, RPCError>?) -> Bool {
        guard let entry = waiting.removeValue(forKey: id) else { return false }
        entry.timer.cancel()
        entry.continuation.resume(returning: outcome)
        return true
    }

    /// Ends every wait with "no answer".
    mutating func resolveAll(with outcome: Result<JSONValue, RPCError>?) {
        for id in waiting.keys { resolve(id, with: outcome) }
    }
}
