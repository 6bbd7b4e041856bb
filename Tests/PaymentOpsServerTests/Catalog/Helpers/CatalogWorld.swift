import DynamicJSON
import FoundationEssentials
import OrdersStore
import PaymentCore

@testable import PaymentOpsMCP

/// The real catalog over a real SQLite file and the loopback Stripe, driven through the engine line by line.
final class CatalogWorld: Sendable {
    let directory: String
    let store: SQLiteStore
    let stripe: StripeFixture?
    let service: PaymentService
    let server: Server
    /// Everything the server sent that is not a response: notifications and its own requests.
    let sent: AsyncStream<JSONValue>

    /// A fresh database; `stripe: false` leaves Stripe unconfigured.
    init(stripe: Bool = true, options: ServerOptions = ServerOptions(), policy: PaymentPolicy = PaymentPolicy()) throws
    {
        directory = FileManager.default.temporaryDirectory.path + "/catalog-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(location: .file(path: directory + "/payments.db"))
        let fixture = stripe ? try StripeFixture() : nil
        self.stripe = fixture
        service = PaymentService(store: store, gateway: fixture?.gateway, policy: policy)
        let (sent, continuation) = AsyncStream.makeStream(of: JSONValue.self)
        self.sent = sent
        server = Server(catalog: makeCatalog(service: service), options: options, outbound: { continuation.yield($0) })
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    // MARK: - Seeding

    /// Adds a customer to the database, linked to a new Stripe customer unless `linked` is false.
    @discardableResult
    func addCustomer(_ email: String, name: String = "Ada Lovelace", linked: Bool = true) throws -> Customer {
        let stripeID = linked ? stripe?.addCustomer(email: email, name: name) : nil
        let customer = Customer(
            id: "cust-" + email.prefix(while: { $0 != "@" }), email: email, name: name, stripeCustomerID: stripeID,
            createdAt: Date().addingTimeInterval(-400 * 86_400))
        try store.write { db in try db.insertCustomer(customer) }
        return customer
    }

    /// Adds a paid order created `daysAgo` days ago, with its PaymentIntent in Stripe.
    @discardableResult
    func addOrder(
        _ id: String, for customer: Customer, amount: Int, currency: String = "usd", daysAgo: Double = 1
    ) throws -> Order {
        let paymentIntentID = stripe?.addPaymentIntent(
            customerID: customer.stripeCustomerID, amount: amount, currency: currency)
        let order = Order(
            id: id, customerID: customer.id, paymentIntentID: paymentIntentID ?? "pi_offline_\(id)",
            amountCents: amount, currency: currency, status: .paid,
            createdAt: Date().addingTimeInterval(-daysAgo * 86_400))
        try store.write { db in try db.insertOrder(order) }
        return order
    }

    // MARK: - Driving

    /// Spawns the built binary on this world's database file and Stripe, and runs the handshake with it.
    func spawnServer(arguments: [String] = []) async throws -> (ChildProcess, initialize: JSONValue?) {
        let child = try ChildProcess(
            arguments: arguments,
            environment: [
                "DATABASE_URL": "sqlite:///" + directory + "/payments.db", "STRIPE_API_KEY": StripeFixture.key,
                "STRIPE_API_BASE": stripe?.baseURL ?? "", "LOG_LEVEL": "error",
            ])
        let initialize = try await child.request(
            "initialize", id: 1,
            params: [
                "protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "e2e", "version": "1"],
            ])
        return (child, initialize)
    }

    /// Runs the handshake with the given capabilities.
    func initialize(version: String = "2025-11-25", capabilities: JSONValue = [:]) async {
        let params: JSONValue = [
            "protocolVersion": .string(version), "capabilities": capabilities,
            "clientInfo": ["name": "catalog-tests", "version": "1"],
        ]
        _ = await request("initialize", id: "init", params: params)
        _ = await server.handle(line: line(rpc(id: nil, "notifications/initialized")))
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, id: JSONValue = 1, params: JSONValue? = nil) async -> JSONValue? {
        await server.handle(line: line(rpc(id: id, method, params)))
    }

    /// Calls a tool (handshake era) and returns the `result` of its response.
    func call(_ tool: String, _ arguments: JSONValue = [:], id: JSONValue = 1) async -> JSONValue? {
        await request("tools/call", id: id, params: ["name": .string(tool), "arguments": arguments]).result
    }

    /// Calls a tool (handshake era) as a signed-in agent, as the HTTP transport would, and returns its `result`.
    func call(_ tool: String, _ arguments: JSONValue = [:], id: JSONValue = 1, as actor: String) async -> JSONValue? {
        await start("tools/call", id: id, params: ["name": .string(tool), "arguments": arguments], as: actor)
            .response().result
    }

    /// Starts a request as a signed-in agent without waiting for it.
    func start(_ method: String, id: JSONValue = 1, params: JSONValue, as actor: String) async -> Reply {
        let principal = RequestPrincipal(actor: actor, subject: actor) { _ in true }
        return await server.receive(Array(line(rpc(id: id, method, params)).utf8), principal: principal)
    }

    /// Starts a request without waiting for it, for calls that ask the client something first.
    func start(_ method: String, id: JSONValue = 1, params: JSONValue) async -> Reply {
        await server.receive(Array(line(rpc(id: id, method, params)).utf8))
    }

    /// Answers one of the server's own requests.
    func answer(_ serverRequest: JSONValue?, with result: JSONValue) async {
        let response: JSONValue = ["jsonrpc": "2.0", "id": serverRequest?["id"] ?? .null, "result": result]
        _ = await server.handle(line: line(response))
    }

    // MARK: - Inspecting

    /// The journal rows of an order.
    func journal(_ orderID: String) throws -> [RefundLogEntry] {
        try store.read { db in try db.refundLogEntries(orderID: orderID) }
    }

    /// An order as the database holds it now.
    func order(_ id: String) throws -> Order? {
        try store.read { db in try db.order(id: id) }
    }

    /// How many refunds Stripe holds.
    var refundsAtStripe: Int { stripe?.refundCount ?? 0 }
}

extension Optional where Wrapped == JSONValue {
    /// A tool result's `structuredContent`.
    var structured: JSONValue? { self?["structuredContent"] }
    /// A tool result's one text block.
    var toolText: String? { self?["content"]?.arrayValue?.first?["text"]?.stringValue }
    /// Whether a tool result is a refusal.
    var toolIsError: Bool { self?["isError"] == true }
}
