public import DynamicJSON
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 that speaks Stripe's API, for tests of anything that calls Stripe.
///
/// ```swift
/// let fake = try StripeFake.start()
/// defer { fake.stop() }
/// let configuration = try StripeConfiguration(apiKey: "sk_test_123", apiBase: fake.baseURL)
/// ```
///
/// Requests are answered by scripted replies first (`enqueue`), in order, and otherwise by an in-memory Stripe
/// in test mode (customers, PaymentIntents with charges, refunds that update their charge, prices, payment
/// links, idempotent replay). Every request is recorded, and every TCP connection counted.
public final class StripeFake: Sendable {
    private struct State {
        var requests: [FakeRequest] = []
        var hangUps: [ClosedRange<ContinuousClock.Instant>] = []
        var scripted: [FakeReply] = []
        var stripe = FakeStripe()
        var waiters: [(awaited: Awaited, continuation: CheckedContinuation<Void, Never>)] = []

        func reached(_ awaited: Awaited) -> Bool {
            switch awaited {
            case .requests(let count): requests.count >= count
            case .hangUps(let count): hangUps.count >= count
            }
        }

        /// Removes and returns the waiters whose event has happened.
        mutating func readyWaiters() -> [CheckedContinuation<Void, Never>] {
            let (ready, waiting) = (waiters.filter { reached($0.awaited) }, waiters.filter { !reached($0.awaited) })
            waiters = waiting
            return ready.map(\.continuation)
        }
    }

    /// What a waiter waits for: at least this many requests, or hang-ups.
    private enum Awaited {
        case requests(Int)
        case hangUps(Int)
    }

    private let state = Mutex(State())
    private let server: FakeHTTPServer

    /// The fake's base URL, to use as `STRIPE_API_BASE`: `http://127.0.0.1:<port>`.
    public let baseURL: String
    /// The port it listens on.
    public let port: Int

    private init(server: FakeHTTPServer) {
        self.server = server
        self.port = server.port
        self.baseURL = "http://127.0.0.1:\(server.port)"
    }

    /// Starts a fake on `port`, by default a free one.
    ///
    /// - Throws: `FakeServerError` when the socket cannot be bound or its thread started.
    public static func start(port: UInt16 = 0) throws -> StripeFake {
        let handler = Handler()
        let server = try FakeHTTPServer(
            port: port, handler: { handler.fake?.handle($0) ?? .dropConnection },
            hangUp: { handler.fake?.recordHangUp($0) })
        let fake = StripeFake(server: server)
        handler.attach(fake)
        return fake
    }

    /// Stops listening and closes every connection. Also done when the fake is released.
    public func stop() {
        server.stop()
    }

    deinit {
        stop()
    }

    /// How many TCP connections the fake has accepted.
    public var connectionCount: Int {
        server.connectionCount
    }

    /// Every request received so far, in order.
    public var requests: [FakeRequest] {
        state.withLock { $0.requests }
    }

    /// Queues replies for the next requests, before the in-memory Stripe answers again.
    ///
    /// They answer in front of the API — before the key, version and idempotency checks — so nothing is saved
    /// for them: a `.serverError()` here is a 500 from in front of the endpoint, and a retry with the same
    /// `Idempotency-Key` may succeed. For failures inside an endpoint, see `enqueueFaults`.
    public func enqueue(_ replies: FakeReply...) {
        state.withLock { $0.scripted += replies }
    }

    /// Queues faults for the next POSTs whose endpoints start executing (past the key, version, idempotency
    /// and parameter checks), in order; see `FakeFault`.
    public func enqueueFaults(_ faults: FakeFault...) {
        state.withLock { $0.stripe.faults += faults }
    }

    /// Lets the requests stalled by `FakeFault.stall` finish: their effects are made and their results saved
    /// under their idempotency keys, for later requests with those keys to be replayed. The stalled clients
    /// are never answered.
    public func finishStalledRequests() {
        state.withLock { $0.stripe.finishStalled() }
    }

    /// The `Stripe-Version` the fake requires on every request (the one payment-ops pins).
    public static var apiVersion: String { FakeStripe.apiVersion }

    /// Returns once at least `count` requests have arrived, without polling.
    public func waitForRequests(_ count: Int) async {
        await wait(for: .requests(count))
    }

    /// Returns, once at least `count` clients have hung up on requests left unanswered (`.hang`), each such
    /// request's time from its arrival to the client's hang-up, in the order they hung up.
    ///
    /// These times are taken on the connection's thread: unlike times taken in a test's task, they do not grow
    /// while a busy test process makes the task wait for a thread.
    public func waitForHangUps(_ count: Int) async -> [ClosedRange<ContinuousClock.Instant>] {
        await wait(for: .hangUps(count))
        return state.withLock { $0.hangUps }
    }

    private func wait(for awaited: Awaited) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                guard !state.reached(awaited) else { return true }
                state.waiters.append((awaited, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    private func recordHangUp(_ unanswered: ClosedRange<ContinuousClock.Instant>) {
        let ready = state.withLock { state in
            state.hangUps.append(unanswered)
            return state.readyWaiters()
        }
        for continuation in ready { continuation.resume() }
    }

    private func handle(_ request: FakeRequest) -> FakeReply {
        if request.path.hasPrefix(Self.controlPrefix) { return controlReply(request) }
        let (reply, ready) = state.withLock { state in
            state.requests.append(request)
            let reply = state.scripted.isEmpty ? state.stripe.handle(request) : state.scripted.removeFirst()
            return (reply, state.readyWaiters())
        }
        for continuation in ready { continuation.resume() }
        return reply
    }

    /// Lets the server reach the fake without keeping it alive, so that releasing the fake stops the server.
    private final class Handler: Sendable {
        private let reference = Mutex<WeakFake>(WeakFake())

        var fake: StripeFake? { reference.withLock { $0.fake } }

        func attach(_ fake: StripeFake) { reference.withLock { $0.fake = fake } }

        private struct WeakFake {
            weak var fake: StripeFake?
        }
    }

    // MARK: - The in-memory Stripe

    /// Adds a customer and returns its id (`cus_…`).
    @discardableResult
    public func addCustomer(email: String?, name: String?, metadata: [String: String] = [:]) -> String {
        state.withLock { $0.stripe.addCustomer(email: email, name: name, metadata: metadata) }
    }

    /// Turns a customer into Stripe's deleted stub (`{"id": …, "object": "customer", "deleted": true}`).
    public func deleteCustomer(id: String) {
        state.withLock { _ = $0.stripe.markCustomerDeleted(id) }
    }

    /// Adds a PaymentIntent and returns its id (`pi_…`); a `succeeded` one gets a succeeded charge.
    @discardableResult
    public func addPaymentIntent(
        customerID: String?, amount: Int, currency: String = "usd", status: String = "succeeded",
        description: String? = nil, metadata: [String: String] = [:]
    ) -> String {
        state.withLock {
            $0.stripe.addPaymentIntent(
                customerID: customerID, amount: amount, currency: currency, status: status, description: description,
                metadata: metadata)
        }
    }

    /// Refunds part of a PaymentIntent as if done outside the client (in the dashboard); returns the refund's
    /// id, or `nil` when the PaymentIntent has no charge.
    @discardableResult
    public func addRefund(
        paymentIntentID: String, amount: Int, reason: String? = nil, metadata: [String: String] = [:]
    ) -> String? {
        state.withLock { state in
            guard let chargeID = state.stripe.objects[paymentIntentID]?["latest_charge"]?.stringValue else {
                return nil
            }
            return state.stripe.addRefund(
                paymentIntentID: paymentIntentID, chargeID: chargeID, amount: amount, reason: reason, metadata: metadata
            )
        }
    }

    /// Any object the in-memory Stripe holds, by id, as Stripe would return it.
    public func object(id: String) -> JSONValue? {
        state.withLock { $0.stripe.objects[id] }
    }

    /// Every object of a kind (`customer`, `payment_intent`, `charge`, `refund`, `price`, `product`,
    /// `payment_link`), in no particular order.
    public func objects(ofKind kind: String) -> [JSONValue] {
        state.withLock { $0.stripe.objects.values.filter { $0["object"]?.stringValue == kind } }
    }
}
