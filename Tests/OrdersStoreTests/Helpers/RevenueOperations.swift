import FoundationEssentials

@testable import OrdersStore

/// One random write of the rollup's property test, said without SQL: each engine applies it in its own dialect
/// (`Database.apply`, `PostgresTransaction.apply`), so both engines run the same generator.
enum RevenueOperation {
    /// An amount: an ordinary one, or the largest the column holds, which saturates every sum it is in.
    enum Amount {
        case cents(Int)
        case limit
    }

    /// A `created_at` another system might write. PostgreSQL's column is a `TIMESTAMP`: what is not a time there
    /// (a number, words) is written as NULL.
    enum Timestamp {
        case null
        case integer
        case words
        case text(String)
    }

    /// Through the store's API.
    case insertOrder(Order)
    /// Another system's insert: legacy columns, any timestamp shape, maybe no currency.
    case rawInsertOrder(id: String, customerID: String, amount: Amount, currency: String?, createdAt: Timestamp)
    case updateAmount(orderID: String, amount: Amount)
    case updateCurrency(orderID: String, currency: String?)
    case updateCreatedAt(orderID: String, createdAt: Timestamp)
    /// Another system sets the kept sum of succeeded refunds itself; the next journal write sets it right again.
    case updateRefundedCents(orderID: String, amount: Amount)
    /// Through the store's API.
    case setStatus(orderID: String, status: OrderStatus)
    /// The order's journal rows, then the order.
    case deleteOrder(orderID: String)
    /// An insert that replaces the order with the same id: SQLite's `INSERT OR REPLACE`, PostgreSQL's
    /// `INSERT … ON CONFLICT (id) DO UPDATE` of every column.
    case replaceOrder(orderID: String, customerID: String, amount: Amount, currency: String?, createdAt: Timestamp)
    /// An insert of an existing id that is ignored (`INSERT OR IGNORE`, `ON CONFLICT DO NOTHING`).
    case insertIgnored(orderID: String, customerID: String)
    /// An insert of an existing id that becomes an update of its amount (`ON CONFLICT (id) DO UPDATE`).
    case upsertAmount(orderID: String, customerID: String)
    /// Through the store's API, in any status.
    case insertRefund(RefundLogEntry)
    /// Through the store's API.
    case settleRefund(id: String, stripeRefundID: String)
    /// Through the store's API.
    case failRefund(id: String)
    /// The original service's insert: its seven columns, so `status` defaults to `succeeded`.
    case insertLegacyRefund(id: String, orderID: String)
    /// A journal row changed behind the store's back: amount, status, and moved to another order.
    case updateRefund(id: String, amountCents: Int, status: RefundLogStatus, orderID: String)
    /// A journal row replaced by an insert of the same id (`INSERT OR REPLACE`, `ON CONFLICT DO UPDATE`).
    case replaceRefund(id: String, orderID: String, amountCents: Int)
}

/// What the generator needs to know of the database before each operation.
struct RevenueTestState {
    var orderIDs: [String]
    var refundIDs: [String]
    var pendingRefundIDs: [String]
}

/// The seeded generator of random writes the rollup must survive, shared by both engines' property tests.
struct RevenueOperationGenerator {
    /// The days the random orders fall on (November 2026); ranges asked about run a few days either side.
    static let days = (1...30).map { "2026-11-" + padded($0, 2) }

    private var random: SeededGenerator
    private var serial = 0
    /// The customers orders belong to.
    let customerIDs: [String]

    init(seed: UInt64, customerIDs: [String]) {
        random = SeededGenerator(seed: seed)
        self.customerIDs = customerIDs
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The `YYYY-MM-DD` of November 2026's day `index + 1`, running into the months either side.
    static func day(_ index: Int) -> String {
        StoreTimestamp.dayText(Samples.time("2026-11-01").addingTimeInterval(Double(index) * 86_400))
    }

    /// A random range of days around November 2026: the first day, the last (inclusive) and the day after it.
    mutating func range() -> (start: String, end: String, after: String) {
        let first = Int.random(in: 0..<Self.days.count + 4, using: &random) - 2
        let last = first + Int.random(in: 0..<12, using: &random)
        return (Self.day(first), Self.day(last), Self.day(last + 1))
    }

    /// The next operation, or nil when it needs a row the database does not have yet.
    mutating func next(_ state: RevenueTestState) -> RevenueOperation? {
        serial += 1
        let someOrder = state.orderIDs.randomElement(using: &random)
        let customer = customerIDs.randomElement(using: &random)!
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<20:
            let amount = Int.random(in: 0...90_000, using: &random)
            return .insertOrder(
                Samples.order(
                    customerID: customer, id: "o\(serial)", amountCents: amount,
                    currency: ["usd", "eur", "jpy"].randomElement(using: &random)!,
                    status: OrderStatus.allCases.randomElement(using: &random)!,
                    createdAt: Samples.time(timestamp())))
        case 20..<30:
            return .rawInsertOrder(
                id: "o\(serial)", customerID: customer, amount: amount(),
                currency: ["usd", "eur", nil].randomElement(using: &random)!, createdAt: rawTimestamp())
        case 30..<37:
            return someOrder.map { .updateAmount(orderID: $0, amount: amount()) }
        case 37..<42:
            let currency: String? = ["usd", "eur", "jpy", nil].randomElement(using: &random)!
            return someOrder.map { .updateCurrency(orderID: $0, currency: currency) }
        case 42..<49:
            return someOrder.map { .updateCreatedAt(orderID: $0, createdAt: rawTimestamp()) }
        case 49..<52:
            // Often at the limit: on PostgreSQL, whose amounts are `INTEGER`, this is what saturates a day's sum.
            let refunded: RevenueOperation.Amount =
                Int.random(in: 0..<6, using: &random) == 0 ? .limit : .cents(Int.random(in: 0...9_000, using: &random))
            return someOrder.map { .updateRefundedCents(orderID: $0, amount: refunded) }
        case 52..<56:
            return someOrder.map {
                .setStatus(orderID: $0, status: OrderStatus.allCases.randomElement(using: &random)!)
            }
        case 56..<60:
            return someOrder.map { .deleteOrder(orderID: $0) }
        case 60..<66:
            return someOrder.map {
                .replaceOrder(
                    orderID: $0, customerID: customer, amount: amount(),
                    currency: ["usd", "jpy", nil].randomElement(using: &random)!, createdAt: rawTimestamp())
            }
        case 66..<69:
            guard let someOrder else { return nil }
            return Bool.random(using: &random)
                ? .insertIgnored(orderID: someOrder, customerID: customer)
                : .upsertAmount(orderID: someOrder, customerID: customer)
        case 69..<80:
            let status = RefundLogStatus.allCases.randomElement(using: &random)!
            let amount = Int.random(in: 1...3_000, using: &random)
            return someOrder.map {
                .insertRefund(Samples.refund(orderID: $0, amountCents: amount, status: status, id: "r\(serial)"))
            }
        case 80..<88:
            guard let refund = state.pendingRefundIDs.randomElement(using: &random) else { return nil }
            return Bool.random(using: &random)
                ? .settleRefund(id: refund, stripeRefundID: "re_\(serial)") : .failRefund(id: refund)
        case 88..<92:
            return someOrder.map { .insertLegacyRefund(id: "r\(serial)", orderID: $0) }
        case 92..<96:
            guard let refund = state.refundIDs.randomElement(using: &random), let someOrder else { return nil }
            return .updateRefund(
                id: refund, amountCents: Int.random(in: 0...5_000, using: &random),
                status: RefundLogStatus.allCases.randomElement(using: &random)!, orderID: someOrder)
        default:
            guard let refund = state.refundIDs.randomElement(using: &random), let someOrder else { return nil }
            return .replaceRefund(id: refund, orderID: someOrder, amountCents: Int.random(in: 1...900, using: &random))
        }
    }

    /// Mostly ordinary amounts; now and then one at the column's limit.
    private mutating func amount() -> RevenueOperation.Amount {
        Int.random(in: 0..<200, using: &random) == 0 ? .limit : .cents(Int.random(in: 0...90_000, using: &random))
    }

    /// A time on one of the days, in the store's own format; now and then the day's last microsecond.
    private mutating func timestamp() -> String {
        let day = Self.days.randomElement(using: &random)!
        let hour = Int.random(in: 0..<24, using: &random)
        let minute = Int.random(in: 0..<60, using: &random)
        let micros = Int.random(in: 0..<1_000_000, using: &random)
        if Int.random(in: 0..<10, using: &random) == 0 { return "\(day) 23:59:59.999999" }
        let second = Int.random(in: 0..<60, using: &random)
        return "\(day) \(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2))."
            + Self.padded(micros, 6)
    }

    /// Any timestamp another system might write: the store's format, no fraction, a `T` and a `Z`, a bare date,
    /// or no time at all.
    private mutating func rawTimestamp() -> RevenueOperation.Timestamp {
        let text = timestamp()
        switch Int.random(in: 0..<12, using: &random) {
        case 0: return .null
        case 1: return .integer
        case 2: return .words
        case 3: return .text(String(text.prefix(19)))
        case 4: return .text(text.prefix(10) + "T" + text.dropFirst(11) + "Z")
        case 5: return .text(String(text.prefix(10)))
        default: return .text(text)
        }
    }
}
