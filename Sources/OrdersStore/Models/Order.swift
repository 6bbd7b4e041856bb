public import FoundationEssentials

/// The lifecycle state of an order as the company records it.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Paid, nothing refunded.
    case paid
    /// Fully refunded.
    case refunded
    /// Part of the amount refunded.
    case partiallyRefunded = "partially_refunded"
}

/// A row of `orders`: one payment the company took.
public struct Order: Sendable, Hashable {
    /// The primary key, a UUID string.
    public var id: String
    /// The customer who paid.
    public var customerID: String
    /// The Stripe PaymentIntent (`pi_…`); the column keeps its legacy name, `stripe_charge_id`.
    public var paymentIntentID: String?
    /// The amount in the currency's smallest unit.
    public var amountCents: Int
    /// The lowercase ISO currency code; legacy NULL reads as `usd`, SQLAlchemy's default.
    public var currency: String
    /// The order's state; legacy NULL reads as `paid`, SQLAlchemy's default.
    public var status: OrderStatus
    /// When the order was created.
    public var createdAt: Date

    /// Creates an order record.
    public init(
        id: String,
        customerID: String,
        paymentIntentID: String?,
        amountCents: Int,
        currency: String,
        status: OrderStatus,
        createdAt: Date
    ) {
        self.id = id
        self.customerID = customerID
        self.paymentIntentID = paymentIntentID
        self.amountCents = amountCents
        self.currency = currency
        self.status = status
        self.createdAt = createdAt
    }
}

/// A keyset position in a newest-first list of orders; the next page starts strictly after it.
public struct OrderCursor: Sendable, Hashable {
    /// The last listed order's creation time.
    public var createdAt: Date
    /// The last listed order's id, which breaks ties between orders created in the same microsecond.
    public var id: String

    /// Creates a cursor from its parts.
    public init(createdAt: Date, id: String) {
        self.createdAt = createdAt
        self.id = id
    }

    /// The cursor just after `order`.
    public init(after order: Order) {
        self.init(createdAt: order.createdAt, id: order.id)
    }
}

/// How many of a customer's orders are in each status.
public struct OrderCounts: Sendable, Hashable {
    /// All orders.
    public var total: Int
    /// Orders with nothing refunded.
    public var paid: Int
    /// Orders partly refunded.
    public var partiallyRefunded: Int
    /// Orders fully refunded.
    public var refunded: Int

    /// Creates counts from their parts.
    public init(total: Int, paid: Int, partiallyRefunded: Int, refunded: Int) {
        self.total = total
        self.paid = paid
        self.partiallyRefunded = partiallyRefunded
        self.refunded = refunded
    }
}
