import FoundationEssentials
import PaymentOpsMCP

/// The engines behind the endpoint: one per handshake-era session, bound to the subject that opened it, and one per
/// subject for 2026-07-28 requests (their request ids, `requestState` handles and cancellations stay that
/// subject's). Both are forgotten after `idleLifetime` without a request.
actor SessionTable {
    private struct Entry {
        let engine: Server
        let subject: String
        /// The version `initialize` negotiated; `nil` for the 2026-07-28 engines, whose requests each name theirs.
        let protocolVersion: String?
        var lastUsed: Date
    }

    /// Makes a fresh engine: for an `initialize`, before it is known whether a session opens.
    nonisolated let makeEngine: @Sendable () -> Server
    private let idleLifetime: TimeInterval
    private let now: @Sendable () -> Date
    private var sessions: [String: Entry] = [:]
    private var statelessEngines: [String: Entry] = [:]

    /// Creates an empty table.
    init(idleLifetime: TimeInterval, now: @escaping @Sendable () -> Date, makeEngine: @escaping @Sendable () -> Server)
    {
        self.idleLifetime = idleLifetime
        self.now = now
        self.makeEngine = makeEngine
    }

    /// Opens a session for `subject` around `engine`, which answered `initialize` with `protocolVersion`; returns
    /// its random id.
    func open(_ engine: Server, for subject: String, protocolVersion: String) -> String {
        sweep()
        var generator = SystemRandomNumberGenerator()
        let id = (0..<4).map { _ in String(generator.next() as UInt32, radix: 16) }.joined(separator: "-")
        sessions[id] = Entry(engine: engine, subject: subject, protocolVersion: protocolVersion, lastUsed: now())
        return id
    }

    /// The session's engine and negotiated version, when `id` names a live session of `subject`; another subject's
    /// session is reported as unknown, so a leaked or guessed id tells its finder nothing.
    func engine(session id: String, subject: String) -> (engine: Server, protocolVersion: String)? {
        guard var entry = sessions[id], entry.subject == subject else { return nil }
        guard now().timeIntervalSince(entry.lastUsed) < idleLifetime else {
            close(id)
            return nil
        }
        entry.lastUsed = now()
        sessions[id] = entry
        return (entry.engine, entry.protocolVersion ?? "")
    }

    /// Ends `subject`'s session `id` (`DELETE`); `false` when there was none.
    func end(session id: String, subject: String) -> Bool {
        guard engine(session: id, subject: subject) != nil else { return false }
        close(id)
        return true
    }

    /// The engine serving `subject`'s 2026-07-28 requests.
    func statelessEngine(for subject: String) -> Server {
        if var entry = statelessEngines[subject] {
            entry.lastUsed = now()
            statelessEngines[subject] = entry
            return entry.engine
        }
        sweep()
        let engine = makeEngine()
        statelessEngines[subject] = Entry(engine: engine, subject: subject, protocolVersion: nil, lastUsed: now())
        return engine
    }

    /// How many sessions are open; for tests.
    var sessionCount: Int { sessions.count }

    private func close(_ id: String) {
        guard let entry = sessions.removeValue(forKey: id) else { return }
        Task { await entry.engine.inputClosed() }
    }

    /// Forgets every engine idle for longer than the lifetime.
    private func sweep() {
        let time = now()
        for (id, entry) in sessions where time.timeIntervalSince(entry.lastUsed) >= idleLifetime { close(id) }
        statelessEngines = statelessEngines.filter { time.timeIntervalSince($0.value.lastUsed) < idleLifetime }
    }
}
