import DynamicJSON

/// An in-memory Stripe in test mode: customers, PaymentIntents with their charges, refunds, prices, products
/// and payment links, with Stripe's idempotency for POSTs (`FakeStripe+Idempotency.swift`).
///
/// A value type kept behind `StripeFake`'s lock; every object is built from `StripeShape`'s examples, so
/// answers carry all of Stripe's fields.
struct FakeStripe {
    /// Every object, by id.
    private(set) var objects: [String: JSONValue] = [:]
    /// When each object was made, to order lists newest first even within one second.
    private var sequenceNumbers: [String: Int] = [:]
    private var sequence = 0
    /// The fake's clock, in Unix seconds: one second passes per object made, so `created` is ordered.
    private var clock = 1_760_000_000
    /// Replies to POSTs by idempotency key, with the request they answered.
    var idempotentReplies: [String: (request: String, reply: FakeReply)] = [:]
    /// Faults for the next POSTs whose endpoints start executing, in order.
    var faults: [FakeFault] = []
    /// POSTs stalled inside their endpoint (`FakeFault.stall`), with their idempotency keys, in arrival order.
    var stalled: [(key: String?, request: FakeRequest)] = []

    /// The API version payment-ops pins; the fake answers only requests that send it as `Stripe-Version`.
    static let apiVersion = "2026-10-28.endive"

    /// Answers one request as Stripe would.
    mutating func handle(_ request: FakeRequest) -> FakeReply {
        guard Self.isTestKey(request.header("Authorization")) else {
            return .stripeError(
                status: 401, type: "invalid_request_error",
                message: "Invalid API Key provided: \(Self.maskedKey(request.header("Authorization")))")
        }
        guard let version = request.header("Stripe-Version") else {
            return .stripeError(
                status: 400, type: "invalid_request_error",
                message: "No Stripe-Version header was sent; this fake Stripe answers only requests pinned to "
                    + "\(Self.apiVersion).")
        }
        guard version == Self.apiVersion else {
            return .stripeError(
                status: 400, type: "invalid_request_error",
                message: "Invalid Stripe API version: \(version). This fake Stripe answers only \(Self.apiVersion).")
        }
        return request.method == "POST" ? handlePost(request) : route(request)
    }

    mutating func route(_ request: FakeRequest) -> FakeReply {
        let parts = request.path.split(separator: "/").map(FakeRequest.percentDecode)
        guard parts.count >= 2, parts.count <= 3, parts[0] == "v1" else { return Self.unrecognized(request) }
        let parameters = Parameters(request.parameters)
        switch (request.method, parts[1], parts.count == 3 ? parts[2] : nil) {
        case ("GET", "customers", nil): return listCustomers(parameters)
        case ("POST", "customers", nil): return createCustomer(parameters)
        case ("GET", "customers", .some(let id)): return retrieve(id, kind: "customer")
        case ("DELETE", "customers", .some(let id)): return deleteCustomer(id)
        case ("GET", "payment_intents", nil): return listPaymentIntents(parameters)
        case ("POST", "payment_intents", nil): return createPaymentIntent(parameters)
        case ("GET", "payment_intents", .some(let id)): return retrievePaymentIntent(id, parameters)
        case ("GET", "charges", nil): return list(kind: "charge", url: "/v1/charges", parameters) { _ in true }
        case ("GET", "charges", .some(let id)): return retrieve(id, kind: "charge")
        case ("GET", "refunds", nil): return listRefunds(parameters)
        case ("POST", "refunds", nil): return createRefund(parameters)
        case ("GET", "refunds", .some(let id)): return retrieve(id, kind: "refund")
        case ("GET", "prices", nil): return list(kind: "price", url: "/v1/prices", parameters) { _ in true }
        case ("POST", "prices", nil): return createPrice(parameters)
        case ("GET", "payment_links", nil):
            return list(kind: "payment_link", url: "/v1/payment_links", parameters) { _ in true }
        case ("POST", "payment_links", nil): return createPaymentLink(parameters)
        default: return Self.unrecognized(request)
        }
    }

    // MARK: - Objects

    /// Stores an object under its id, stamping its order of creation.
    mutating func store(_ object: JSONValue) {
        guard let id = object["id"]?.stringValue else { return }
        if sequenceNumbers[id] == nil {
            sequence += 1
            sequenceNumbers[id] = sequence
        }
        objects[id] = object
    }

    /// A new id such as `cus_Fake0000000007`, unique within this fake.
    mutating func makeID(_ prefix: String) -> String {
        let number = String(sequence + 1)
        return prefix + "_Fake" + String(repeating: "0", count: max(0, 10 - number.count)) + number
    }

    /// The next `created` time.
    mutating func tick() -> Int {
        clock += 1
        return clock
    }

    /// The object `id` if it exists and is of `kind` (`customer`, `charge`, …).
    func object(_ id: String, kind: String) -> JSONValue? {
        guard let object = objects[id], object["object"]?.stringValue == kind else { return nil }
        return object
    }

    private func retrieve(_ id: String, kind: String) -> FakeReply {
        guard let object = object(id, kind: kind) else { return .resourceMissing(kind, id: id) }
        return .json(object)
    }

    /// A page of the objects of `kind` that pass `filter`, newest first, after the `starting_after` cursor.
    func list(
        kind: String, url: String, _ parameters: Parameters, expanding: Set<String> = [],
        where filter: (JSONValue) -> Bool
    ) -> FakeReply {
        let limit = parameters.integer("limit") ?? 10
        guard (1...100).contains(limit) else {
            return .stripeError(
                status: 400, type: "invalid_request_error", code: "parameter_invalid_integer",
                message: "Invalid limit: must be between 1 and 100", param: "limit")
        }
        var matching = objects.values.filter { $0["object"]?.stringValue == kind && filter($0) }
            .sorted { (sequenceNumbers[$0.id] ?? 0) > (sequenceNumbers[$1.id] ?? 0) }
        if let cursor = parameters["starting_after"] {
            guard let position = matching.firstIndex(where: { $0.id == cursor }) else {
                return .resourceMissing(kind, id: cursor, param: "starting_after")
            }
            matching.removeFirst(position + 1)
        }
        let page = matching.prefix(limit).map { expanding.isEmpty ? $0 : expand($0, fields: expanding) }
        return .list(Array(page), url: url, hasMore: matching.count > limit)
    }

    /// The object with each field named in `fields` replaced by the object its id names.
    func expand(_ object: JSONValue, fields: Set<String>) -> JSONValue {
        var expanded = object
        for field in fields {
            if let id = object[field]?.stringValue, let target = objects[id] { expanded[field] = target }
        }
        return expanded
    }

    // MARK: - Errors and keys

    static func invalid(_ message: String, param: String, code: String? = nil) -> FakeReply {
        .stripeError(status: 400, type: "invalid_request_error", code: code, message: message, param: param)
    }

    static func missingParameter(_ name: String) -> FakeReply {
        invalid("Missing required param: \(name).", param: name, code: "parameter_missing")
    }

    private static func unrecognized(_ request: FakeRequest) -> FakeReply {
        .stripeError(
            status: 404, type: "invalid_request_error",
            message:
                "Unrecognized request URL (\(request.method): \(request.path)). Please see https://stripe.com/docs "
                + "or we can help at https://support.stripe.com/.")
    }

    private static func isTestKey(_ authorization: String?) -> Bool {
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        let key = authorization.dropFirst("Bearer ".count)
        return (key.hasPrefix("sk_test_") || key.hasPrefix("rk_test_")) && key.count > 8
    }

    /// The key as Stripe echoes it: prefix, stars, last four characters.
    private static func maskedKey(_ authorization: String?) -> String {
        let key = authorization.map { String($0.dropFirst("Bearer ".count)) } ?? ""
        guard key.count > 12 else { return "(none)" }
        return String(key.prefix(8)) + String(repeating: "*", count: key.count - 12) + String(key.suffix(4))
    }
}

extension JSONValue {
    /// The `id` member, or an empty string.
    var id: String { self["id"]?.stringValue ?? "" }
}
