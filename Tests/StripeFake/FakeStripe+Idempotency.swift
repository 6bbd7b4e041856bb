/// Stripe's documented idempotency: the first result for an `Idempotency-Key` is saved and replayed — once the
/// endpoint has started executing, whatever it answered, 500s included. A request refused before executing
/// (its parameters failed validation, or another request with the key is still executing) saves nothing.
extension FakeStripe {
    /// Answers a POST: replays a saved result, refuses a key in use, or executes the endpoint.
    mutating func handlePost(_ request: FakeRequest) -> FakeReply {
        let key = request.header("Idempotency-Key")
        let signature = request.path + "?" + request.body
        if let key {
            if stalled.contains(where: { $0.key == key }) { return Self.keyInUse(key) }
            if let saved = idempotentReplies[key] {
                guard saved.request == signature else { return Self.keyMismatch(key) }
                return Self.replay(saved.reply)
            }
        }
        let fault = faults.isEmpty ? nil : faults.removeFirst()
        var attempt = self
        let reply = Self.withRequestID(attempt.route(request))
        guard Self.startedExecuting(reply) else {
            if let fault { faults.insert(fault, at: 0) }
            return reply
        }
        switch fault {
        case nil:
            self = attempt
            save(reply, key: key, signature: signature)
            return reply
        case .serverError(let afterApplying):
            if afterApplying { self = attempt }
            let failure = Self.withRequestID(.serverError(headers: [("Stripe-Should-Retry", "false")]))
            save(failure, key: key, signature: signature)
            return failure
        case .stall:
            stalled.append((key, request))
            return .hang
        }
    }

    /// Lets every stalled request finish: its effect is made and its result saved under its key, so a later
    /// request with that key gets it replayed. The stalled clients themselves are never answered.
    mutating func finishStalled() {
        let finishing = stalled
        stalled = []
        for (key, request) in finishing {
            let reply = Self.withRequestID(route(request))
            if Self.startedExecuting(reply) {
                save(reply, key: key, signature: request.path + "?" + request.body)
            }
        }
    }

    private mutating func save(_ reply: FakeReply, key: String?, signature: String) {
        if let key { idempotentReplies[key] = (signature, reply) }
    }

    /// Whether the endpoint started: the fake's endpoints refuse with 400 (and unknown paths with 404) only
    /// before they change anything.
    private static func startedExecuting(_ reply: FakeReply) -> Bool {
        guard case .respond(let status, _, _) = reply else { return true }
        return status != 400 && status != 404
    }

    /// The reply with a `Request-Id` header of its own, so that a replay can name the original request.
    private static func withRequestID(_ reply: FakeReply) -> FakeReply {
        guard case .respond(let status, let headers, let body) = reply,
            !headers.contains(where: { $0.name.lowercased() == "request-id" })
        else { return reply }
        return .respond(status: status, headers: headers + [("Request-Id", FakeRequestID.next())], body: body)
    }

    /// A saved result as Stripe replays it: same status and body, `Idempotent-Replayed: true`, and the first
    /// request's id as `Original-Request` (the replay gets a `Request-Id` of its own).
    private static func replay(_ saved: FakeReply) -> FakeReply {
        guard case .respond(let status, let headers, let body) = saved else { return saved }
        var replayed = headers.filter { $0.name.lowercased() != "request-id" }
        if let original = headers.first(where: { $0.name.lowercased() == "request-id" })?.value {
            replayed.append(("Original-Request", original))
        }
        replayed.append(("Idempotent-Replayed", "true"))
        return .respond(status: status, headers: replayed, body: body)
    }

    private static func keyMismatch(_ key: String) -> FakeReply {
        .stripeError(
            status: 400, type: "idempotency_error",
            message: "Keys for idempotent requests can only be used with the same parameters they were first used "
                + "with. Try using a key other than '\(key)' if you meant to execute a different request.")
    }

    private static func keyInUse(_ key: String) -> FakeReply {
        .stripeError(
            status: 409, type: "idempotency_error", code: "idempotency_key_in_use",
            message: "There is currently another in-progress request using this Idempotency Key (that probably "
                + "means you submitted twice, and the other request is still going through): '\(key)'. Please try "
                + "again later.")
    }
}
