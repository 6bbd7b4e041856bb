import DynamicJSON
import PaymentCore

/// The 2026-07-28 `requestState` handles: random, server-side, bound to one tool call,
/// short-lived and single-use.
///
/// A handle is 256 random bits from the system's secure generator, meaningless outside this
/// process, so a client cannot forge one; the facts it stands for never leave the server.
/// Memory is enough: a stdio client talks to one process for the life of its pipe.
struct InputStateStore {
    /// What a handle stands for.
    struct Entry: Sendable, Equatable {
        /// The tool the state was issued for.
        let toolName: String
        /// The exact arguments of that call, before normalization.
        let arguments: [String: JSONValue]
        /// Answers gathered in earlier rounds, each with the question it answered.
        let answers: [String: AnsweredQuestion]
        /// The questions this round asked, by key.
        let asked: [String: ElicitationRequest]
        /// After this instant the handle is refused.
        let expiresAt: ContinuousClock.Instant
    }

    /// How long a handle stays redeemable.
    let lifetime: Duration
    /// Most handles kept at once; the oldest go first, so memory stays bounded.
    let capacity: Int
    private var entries: [String: Entry] = [:]

    /// Creates an empty store.
    init(lifetime: Duration, capacity: Int = 1_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// Stores the facts of a round and returns the handle the client must send back.
    mutating func issue(
        toolName: String, arguments: [String: JSONValue], answers: [String: AnsweredQuestion],
        asked: [String: ElicitationRequest], now: ContinuousClock.Instant = .now
    ) -> String {
        entries = entries.filter { $0.value.expiresAt > now }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
            entries[oldest.key] = nil
        }
        var generator = SystemRandomNumberGenerator()
        let handle = (0..<4).map { _ in StableHash.hexDigits(generator.next()) }.joined()
        entries[handle] = Entry(
            toolName: toolName, arguments: arguments, answers: answers, asked: asked,
            expiresAt: now + lifetime)
        return handle
    }

    /// Removes and returns the entry for `handle`; `nil` when unknown, used or expired.
    mutating func redeem(_ handle: String, now: ContinuousClock.Instant = .now) -> Entry? {
        guard let entry = entries.removeValue(forKey: handle), entry.expiresAt > now else { return nil }
        return entry
    }
}
