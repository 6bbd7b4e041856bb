import FoundationEssentials
import StripeClient
import Synchronization

@testable import PaymentCore

/// A `DemoGateway` that keeps the processor's objects in memory, records every call, and fails on request.
///
/// Refunds behave as Stripe's do: the same idempotency key returns the same refund, each refund raises its
/// charge's `amount_refunded`, and a refund larger than what remains is refused with Stripe's 400. Customers and
/// PaymentIntents it creates follow the same idempotency rule, until `forgetIdempotencyKeys()` (Stripe's 24 h).
/// Failures are given as the `StripeError`s the real client throws, and thrown as `StripeGateway` maps them.
final class RecordingGateway: DemoGateway {
    /// One call the service made.
    enum Call: Equatable, Sendable {
        case customer(String)
        case paymentIntents(customerID: String, limit: Int, startingAfter: String?)
        case paymentIntent(String)
        case createRefund(
            paymentIntentID: String, amount: Int, reason: RefundReason?, metadata: [String: String],
            idempotencyKey: String)
        case refunds(paymentIntentID: String, startingAfter: String?)
        case createPrice(amount: Int, currency: String, productName: String, idempotencyKey: String)
        case createPaymentLink(priceID: String, quantity: Int, idempotencyKey: String)
        case customers(email: String)
        case createCustomer(email: String, idempotencyKey: String)
        case createPaymentIntent(customerID: String, amount: Int, idempotencyKey: String)
        case checkReadAccess(GatewayResource)

        /// Whether the call asks Stripe to change something.
        var isWrite: Bool {
            switch self {
            case .createRefund, .createPrice, .createPaymentLink, .createCustomer, .createPaymentIntent: true
            default: false
            }
        }
    }

    /// How `createRefund` behaves.
    enum RefundBehavior: Sendable {
        /// As Stripe does, with this refund status.
        case normal(status: String)
        /// Stripe certainly did not act: throws before creating anything.
        case refuse(StripeError)
        /// Stripe made the refund, but the answer was lost (a crash or dropped connection): creates, then throws.
        case createThenLoseAnswer(StripeError)
    }

    /// A failure injected into one numbered call of a method.
    private struct PlannedFailure {
        var call: Int
        var error: StripeError
        /// Whether Stripe acts before the failure (the answer is lost) or not at all.
        var afterActing: Bool
    }

    private struct State {
        var customers: [String: ProcessorCustomer] = [:]
        var intents: [String: ProcessorPayment] = [:]
        var refunds: [String: [ProcessorRefund]] = [:]
        var refundsByKey: [String: ProcessorRefund] = [:]
        var unreadable: [String: [String]] = [:]
        var calls: [Call] = []
        var failures: [String: StripeError] = [:]
        var plannedFailures: [String: PlannedFailure] = [:]
        var callCounts: [String: Int] = [:]
        var createdByKey: [String: String] = [:]
        var refundBehavior = RefundBehavior.normal(status: "succeeded")
        var counter = 0
    }

    private let state = Mutex(State())

    /// Makes the first page of a list — a customer's PaymentIntents, a PaymentIntent's refunds, or the customers
    /// with an email — report these items as sent by Stripe but unreadable.
    func addUnreadableItems(_ descriptions: [String], toListOf owner: String) {
        state.withLock { $0.unreadable[owner, default: []] += descriptions }
    }
    private let longest = Mutex(Duration.zero)
    private let keyMode = Mutex(GatewayMode.test)

    /// The mode of the key the service is told it has; test mode unless a test sets it.
    var mode: GatewayMode {
        get { keyMode.withLock { $0 } }
        set { keyMode.withLock { $0 = newValue } }
    }

    /// The longest a call can take, as the service is told; zero unless a test sets it.
    var longestCall: Duration {
        get { longest.withLock { $0 } }
        set { longest.withLock { $0 = newValue } }
    }

    /// Every call so far, in order.
    var calls: [Call] { state.withLock { $0.calls } }
    /// The calls that asked Stripe to change something.
    var writes: [Call] { calls.filter(\.isWrite) }
    /// How many refunds Stripe holds for a PaymentIntent.
    func refunds(of paymentIntentID: String) -> [ProcessorRefund] {
        state.withLock { $0.refunds[paymentIntentID] ?? [] }
    }

    /// Adds a customer.
    func add(_ customer: ProcessorCustomer) { state.withLock { $0.customers[customer.id] = customer } }

    /// Adds a succeeded PaymentIntent with an expanded charge; returns it.
    @discardableResult
    func addPaymentIntent(
        id: String, customer: String?, amount: Int, currency: String = "usd", created: Int = 1_780_000_000,
        amountRefunded: Int = 0, description: String? = nil, metadata: [String: String] = [:]
    ) -> ProcessorPayment {
        let intent = ProcessorPayment(
            id: id, amount: amount, currency: currency, status: "succeeded",
            createdAt: Date(timeIntervalSince1970: Double(created)), customerID: customer, description: description,
            metadata: metadata, latestChargeID: "ch_" + id.dropFirst(3), amountRefunded: amountRefunded)
        state.withLock { $0.intents[id] = intent }
        return intent
    }

    /// Adds or replaces a PaymentIntent exactly as given, for answers `addPaymentIntent` does not make.
    func add(_ intent: ProcessorPayment) { state.withLock { $0.intents[intent.id] = intent } }

    /// Makes every call of the named method (`customer`, `paymentIntents`, `paymentIntent`, `refunds`,
    /// `createPrice`, `createPaymentLink`) throw this error.
    func fail(_ method: String, with error: StripeError) { state.withLock { $0.failures[method] = error } }

    /// Makes the `call`-th call (counting from the first) of the named method throw this error once; with
    /// `afterActing`, Stripe acts first and the answer is lost, as when the process dies mid-call.
    func fail(_ method: String, onCall call: Int, with error: StripeError, afterActing: Bool = false) {
        state.withLock {
            $0.plannedFailures[method] = PlannedFailure(call: call, error: error, afterActing: afterActing)
        }
    }

    /// Forgets every idempotency key of created customers and PaymentIntents, as Stripe does after 24 hours.
    func forgetIdempotencyKeys() { state.withLock { $0.createdByKey.removeAll() } }

    /// All customers Stripe holds.
    var allCustomers: [ProcessorCustomer] { state.withLock { Array($0.customers.values) } }
    /// All PaymentIntents Stripe holds.
    var allPaymentIntents: [ProcessorPayment] { state.withLock { Array($0.intents.values) } }

    /// Sets how `createRefund` behaves from now on.
    func setRefundBehavior(_ behavior: RefundBehavior) { state.withLock { $0.refundBehavior = behavior } }

    /// Changes a refund's status at Stripe, as Stripe does when a pending refund completes or fails; a failed or
    /// canceled refund gives its amount back to the charge.
    func setRefundStatus(_ refundID: String, to status: String, failureReason: String? = nil) {
        state.withLock { state in
            for (paymentIntentID, refunds) in state.refunds {
                guard let index = refunds.firstIndex(where: { $0.id == refundID }) else { continue }
                var refund = refunds[index]
                refund.status = status
                refund.failureReason = failureReason
                state.refunds[paymentIntentID]?[index] = refund
                for (key, keyed) in state.refundsByKey where keyed.id == refundID { state.refundsByKey[key] = refund }
                if status == "failed" || status == "canceled", var intent = state.intents[paymentIntentID],
                    let refunded = intent.amountRefunded
                {
                    intent.amountRefunded = refunded - refund.amount
                    state.intents[paymentIntentID] = intent
                }
            }
        }
    }

    /// Records the call and throws the injected failure of `method`, if any; returns a planned failure that
    /// should be thrown after acting.
    @discardableResult
    private func enter(_ method: String, _ call: Call) throws -> GatewayError? {
        try state.withLock { state in
            state.calls.append(call)
            state.callCounts[method, default: 0] += 1
            if let error = state.failures[method] { throw StripeGateway.gatewayError(error) }
            guard let planned = state.plannedFailures[method], planned.call == state.callCounts[method] else {
                return nil
            }
            if !planned.afterActing { throw StripeGateway.gatewayError(planned.error) }
            return StripeGateway.gatewayError(planned.error)
        }
    }

    /// The id of the object an earlier call with this idempotency key created, or a new id with this prefix.
    private func objectID(prefix: String, idempotencyKey: String) -> (id: String, isNew: Bool) {
        state.withLock { state in
            if let earlier = state.createdByKey[idempotencyKey] { return (earlier, false) }
            state.counter += 1
            let id = "\(prefix)_test\(state.counter)"
            state.createdByKey[idempotencyKey] = id
            return (id, true)
        }
    }

    func customer(id: String) async throws -> ProcessorCustomer {
        try enter("customer", .customer(id))
        guard let customer = state.withLock({ $0.customers[id] }) else {
            throw StripeGateway.gatewayError(StripeErrors.missing("customer", id))
        }
        return customer
    }

    func paymentIntents(customerID: String, limit: Int, startingAfter: String?) async throws
        -> ProcessorPage<ProcessorPayment>
    {
        try enter("paymentIntents", .paymentIntents(customerID: customerID, limit: limit, startingAfter: startingAfter))
        let (intents, unreadable) = state.withLock {
            ($0.intents.values.filter { $0.customerID == customerID }, $0.unreadable[customerID] ?? [])
        }
        let all = intents.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        let start = startingAfter.flatMap { cursor in all.firstIndex { $0.id == cursor }.map { $0 + 1 } } ?? 0
        let rest = all.dropFirst(start)
        return ProcessorPage(
            items: Array(rest.prefix(limit)), hasMore: rest.count > limit, unreadable: start == 0 ? unreadable : [])
    }

    func paymentIntent(id: String) async throws -> ProcessorPayment {
        try enter("paymentIntent", .paymentIntent(id))
        guard let intent = state.withLock({ $0.intents[id] }) else {
            throw StripeGateway.gatewayError(StripeErrors.missing("payment_intent", id))
        }
        return intent
    }

    func createRefund(
        paymentIntentID: String, amount: Int, reason: RefundReason?, metadata: [String: String], idempotencyKey: String
    ) async throws -> ProcessorRefund {
        try state.withLock { state in
            state.calls.append(
                .createRefund(
                    paymentIntentID: paymentIntentID, amount: amount, reason: reason, metadata: metadata,
                    idempotencyKey: idempotencyKey))
            if let earlier = state.refundsByKey[idempotencyKey] { return earlier }
            let status: String
            switch state.refundBehavior {
            case .refuse(let error): throw StripeGateway.gatewayError(error)
            case .normal(let refundStatus): status = refundStatus
            case .createThenLoseAnswer: status = "succeeded"
            }
            guard var intent = state.intents[paymentIntentID], let refunded = intent.amountRefunded else {
                throw StripeGateway.gatewayError(StripeErrors.missing("payment_intent", paymentIntentID))
            }
            guard amount <= intent.amount - refunded else {
                throw StripeGateway.gatewayError(
                    StripeErrors.refused(
                        "Refund amount ($\(amount)) is greater than unrefunded amount on charge.",
                        code: "amount_too_large"))
            }
            state.counter += 1
            let refund = ProcessorRefund(
                id: "re_test\(state.counter)", amount: amount, currency: intent.currency, status: status,
                paymentIntentID: paymentIntentID, metadata: metadata)
            intent.amountRefunded = refunded + amount
            state.intents[paymentIntentID] = intent
            state.refunds[paymentIntentID, default: []].insert(refund, at: 0)
            state.refundsByKey[idempotencyKey] = refund
            if case .createThenLoseAnswer(let error) = state.refundBehavior { throw StripeGateway.gatewayError(error) }
            return refund
        }
    }

    func refunds(paymentIntentID: String, limit: Int, startingAfter: String?) async throws
        -> ProcessorPage<ProcessorRefund>
    {
        try enter("refunds", .refunds(paymentIntentID: paymentIntentID, startingAfter: startingAfter))
        let (all, unreadable) = state.withLock {
            ($0.refunds[paymentIntentID] ?? [], $0.unreadable[paymentIntentID] ?? [])
        }
        let start = startingAfter.flatMap { cursor in all.firstIndex { $0.id == cursor }.map { $0 + 1 } } ?? 0
        let rest = all.dropFirst(start)
        return ProcessorPage(
            items: Array(rest.prefix(limit)), hasMore: rest.count > limit, unreadable: start == 0 ? unreadable : [])
    }

    func createPrice(amount: Int, currency: String, productName: String, idempotencyKey: String) async throws
        -> String
    {
        try enter(
            "createPrice",
            .createPrice(amount: amount, currency: currency, productName: productName, idempotencyKey: idempotencyKey))
        return "price_" + idempotencyKey.suffix(8)
    }

    func createPaymentLink(priceID: String, quantity: Int, metadata: [String: String], idempotencyKey: String)
        async throws -> ProcessorPaymentLink
    {
        try enter(
            "createPaymentLink",
            .createPaymentLink(priceID: priceID, quantity: quantity, idempotencyKey: idempotencyKey))
        let id = "plink_" + idempotencyKey.suffix(8)
        return ProcessorPaymentLink(id: id, url: "https://buy.stripe.com/test_\(id)")
    }

    func checkReadAccess(to resource: GatewayResource) async throws {
        try enter("checkReadAccess", .checkReadAccess(resource))
    }

    func customers(email: String, limit: Int) async throws -> ProcessorPage<ProcessorCustomer> {
        try enter("customers", .customers(email: email))
        let (found, unreadable) = state.withLock {
            ($0.customers.values.filter { $0.email == email }, $0.unreadable[email] ?? [])
        }
        let matching = found.sorted { $0.id < $1.id }
        return ProcessorPage(
            items: Array(matching.prefix(limit)), hasMore: matching.count > limit, unreadable: unreadable)
    }

    func createCustomer(email: String, name: String, metadata: [String: String], idempotencyKey: String)
        async throws -> ProcessorCustomer
    {
        let lostAnswer = try enter("createCustomer", .createCustomer(email: email, idempotencyKey: idempotencyKey))
        let (id, isNew) = objectID(prefix: "cus", idempotencyKey: idempotencyKey)
        if isNew {
            add(
                ProcessorCustomer(
                    id: id, email: email, name: name, createdAt: Date(timeIntervalSince1970: 1_780_000_000),
                    metadata: metadata))
        }
        if let lostAnswer { throw lostAnswer }
        guard let customer = state.withLock({ $0.customers[id] }) else {
            throw StripeGateway.gatewayError(StripeErrors.missing("customer", id))
        }
        return customer
    }

    func createConfirmedPaymentIntent(
        customerID: String, amount: Int, currency: String, paymentMethod: String, description: String?,
        metadata: [String: String], idempotencyKey: String
    ) async throws -> ProcessorPayment {
        let lostAnswer = try enter(
            "createConfirmedPaymentIntent",
            .createPaymentIntent(customerID: customerID, amount: amount, idempotencyKey: idempotencyKey))
        let (id, isNew) = objectID(prefix: "pi", idempotencyKey: idempotencyKey)
        if isNew {
            let created = state.withLock { 1_780_000_000 + $0.counter }
            addPaymentIntent(
                id: id, customer: customerID, amount: amount, currency: currency, created: created,
                description: description, metadata: metadata)
        }
        if let lostAnswer { throw lostAnswer }
        guard let intent = state.withLock({ $0.intents[id] }) else {
            throw StripeGateway.gatewayError(StripeErrors.missing("payment_intent", id))
        }
        return intent
    }
}

/// Stripe errors as the real client reports them.
enum StripeErrors {
    /// Stripe's 404 for an unknown object.
    static func missing(_ object: String, _ id: String) -> StripeError {
        StripeError(
            kind: .api, message: "No such \(object): '\(id)'", httpStatus: 404, type: "invalid_request_error",
            code: "resource_missing", param: "id", requestID: "req_missing", requestWasNotApplied: true)
    }

    /// Stripe's 400 refusal.
    static func refused(_ message: String, code: String) -> StripeError {
        StripeError(
            kind: .api, message: message, httpStatus: 400, type: "invalid_request_error", code: code,
            requestID: "req_refused", requestWasNotApplied: true)
    }

    /// A connection that dropped after the request was sent: the outcome is unknown.
    static let droppedConnection = StripeError(
        kind: .connection, message: "Connection reset by peer", curlCode: 56, requestWasNotApplied: false)

    /// Stripe's 500 after the retries: the outcome is unknown.
    static let serverError = StripeError(
        kind: .api, message: "An unknown error occurred", httpStatus: 500, type: "api_error", requestID: "req_500",
        requestWasNotApplied: false)

    /// No connection could be made at all.
    static let unreachable = StripeError(
        kind: .connection, message: "Could not connect to server", curlCode: 7, requestWasNotApplied: true)
}
