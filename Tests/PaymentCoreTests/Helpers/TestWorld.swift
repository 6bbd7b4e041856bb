import FoundationEssentials
import OrdersStore
import PaymentCore
import Synchronization

/// A clock tests set and move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at `date`.
    init(_ date: Date) { current = Mutex(date) }

    /// The time now.
    var now: Date { current.withLock { $0 } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// An orders database in a temporary file, a recording Stripe fake, a clock and the service on top.
final class TestWorld: Sendable {
    /// 2026-11-27 12:00:00 UTC: "now" in every test.
    static let start = Date(timeIntervalSince1970: 1_795_780_800)

    let directory: String
    let store: SQLiteStore
    let gateway = RecordingGateway()
    let clock = TestClock(TestWorld.start)
    let service: PaymentService

    /// Opens a fresh database; `stripe: false` gives a service without Stripe configured.
    init(stripe: Bool = true, refundWindowDays: Int = 90, secondApproval: SecondApprovalPolicy? = nil) throws {
        directory = FileManager.default.temporaryDirectory.path + "/payment-core-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(location: .file(path: directory + "/payments.db"))
        service = PaymentService(
            store: store, gateway: stripe ? gateway : nil,
            policy: TestWorld.policy(clock: clock, refundWindowDays: refundWindowDays, secondApproval: secondApproval))
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// The demo seeder over the service, with the recording gateway when the service has Stripe.
    func seeder() -> DemoSeeder {
        DemoSeeder(service: service, gateway: service.gateway == nil ? nil : gateway)
    }

    /// A policy reading the given clock.
    static func policy(
        clock: TestClock, refundWindowDays: Int = 90, secondApproval: SecondApprovalPolicy? = nil
    ) -> PaymentPolicy {
        PaymentPolicy(refundWindowDays: refundWindowDays, secondApproval: secondApproval, now: { clock.now })
    }

    /// A second service on the same database file, as a second server process would have.
    func secondProcess() throws -> PaymentService {
        PaymentService(
            store: try SQLiteStore(location: .file(path: directory + "/payments.db")), gateway: gateway,
            policy: service.policy)
    }

    /// Adds a customer to the database (and to Stripe when `stripeID` is given).
    @discardableResult
    func addCustomer(
        _ email: String, name: String = "Jane Doe", stripeID: String? = nil, inStripe: Bool = true
    ) throws -> Customer {
        let customer = Customer(
            id: "cust-" + email.prefix(while: { $0 != "@" }), email: email, name: name, stripeCustomerID: stripeID,
            createdAt: TestWorld.start.addingTimeInterval(-400 * 86_400))
        try store.write { db in try db.insertCustomer(customer) }
        if let stripeID, inStripe {
            gateway.add(
                ProcessorCustomer(
                    id: stripeID, email: email, name: name, createdAt: Date(timeIntervalSince1970: 1_760_000_000),
                    balance: 0))
        }
        return customer
    }

    /// Adds a paid order `daysAgo` days before now, and its PaymentIntent to Stripe when `paymentIntentID` is set.
    @discardableResult
    func addOrder(
        _ id: String, for customer: Customer, amount: Int, currency: String = "usd", daysAgo: Double = 1,
        paymentIntentID: String? = nil, status: OrderStatus = .paid, stripeRefunded: Int = 0
    ) throws -> Order {
        let order = Order(
            id: id, customerID: customer.id, paymentIntentID: paymentIntentID, amountCents: amount, currency: currency,
            status: status, createdAt: TestWorld.start.addingTimeInterval(-daysAgo * 86_400))
        try store.write { db in try db.insertOrder(order) }
        if let paymentIntentID {
            gateway.addPaymentIntent(
                id: paymentIntentID, customer: customer.stripeCustomerID, amount: amount, currency: currency,
                created: Int(order.createdAt.timeIntervalSince1970), amountRefunded: stripeRefunded)
        }
        return order
    }

    /// The journal rows of an order.
    func journal(_ orderID: String) throws -> [RefundLogEntry] {
        try store.read { db in try db.refundLogEntries(orderID: orderID) }
    }

    /// An order as the database holds it now.
    func order(_ id: String) throws -> Order? {
        try store.read { db in try db.order(id: id) }
    }
}

/// An approver that answers with a fixed outcome and remembers what it was asked.
final class FixedApprover: RefundApprover {
    private let outcome: RefundApprovalOutcome
    private let asked = Mutex<[RefundApprovalRequest]>([])

    init(_ outcome: RefundApprovalOutcome) { self.outcome = outcome }

    /// Every request put to the human.
    var requests: [RefundApprovalRequest] { asked.withLock { $0 } }

    func approve(_ request: RefundApprovalRequest) async -> RefundApprovalOutcome {
        asked.withLock { $0.append(request) }
        return outcome
    }
}
