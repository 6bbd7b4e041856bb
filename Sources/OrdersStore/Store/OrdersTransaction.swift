public import FoundationEssentials

/// Everything the payment service asks of the orders database inside one transaction.
///
/// Each engine implements it with queries written for that engine (SQLite's `Database`, PostgreSQL's transaction
/// handle), so business code never holds SQL or knows which engine it runs on. A transaction handle is lent to a
/// closure for the duration of one transaction and must not be kept or shared between threads.
public protocol OrdersTransaction: AnyObject {
    // MARK: Customers

    /// The customer with this email, ignoring surrounding spaces and letter case; an exact match wins.
    ///
    /// - Throws: `StoreError` of kind `.ambiguousEmail` when several match and none exactly.
    func customer(email: String) throws -> Customer?
    /// The customer with this id.
    func customer(id: String) throws -> Customer?
    /// The customer linked to this Stripe customer id.
    func customer(stripeCustomerID: String) throws -> Customer?
    /// Inserts a customer.
    func insertCustomer(_ customer: Customer) throws
    /// Links a customer to a Stripe customer.
    func setStripeCustomerID(_ stripeID: String, customerID: String) throws
    /// A page of customers by email ascending (exact byte order), starting after `email` (nil: from the start).
    func customers(after email: String?, limit: Int) throws -> [Customer]
    /// Up to `limit` emails starting with `prefix`, ignoring letter case, in case-insensitive order.
    func customerEmails(prefix: String, limit: Int) throws -> [String]

    // MARK: Orders

    /// Inserts an order.
    func insertOrder(_ order: Order) throws
    /// The order with this id.
    func order(id: String) throws -> Order?
    /// The order that records this PaymentIntent.
    func order(paymentIntentID: String) throws -> Order?
    /// A customer's orders, newest first, after `cursor` when given.
    func orders(customerID: String, limit: Int, after cursor: OrderCursor?) throws -> [Order]
    /// A customer's orders with their journalled refund sums, newest first, after `cursor` when given.
    func refundedOrders(customerID: String, limit: Int, after cursor: OrderCursor?) throws -> [RefundedOrder]
    /// The orders that record these PaymentIntents, by PaymentIntent id.
    func orders(paymentIntentIDs: [String]) throws -> [String: Order]
    /// A customer's most recent order with this status.
    func mostRecentOrder(customerID: String, status: OrderStatus) throws -> Order?
    /// How many orders a customer has, by status.
    func orderCounts(customerID: String) throws -> OrderCounts
    /// Sets an order's status.
    func setOrderStatus(_ status: OrderStatus, orderID: String) throws

    // MARK: The journal (`refund_log`)

    /// Journals a refund; normally `pending` with an idempotency key, before Stripe is called.
    func insertRefundLogEntry(_ entry: RefundLogEntry) throws
    /// The journal row with this id.
    func refundLogEntry(id: String) throws -> RefundLogEntry?
    /// An order's journal rows, oldest first.
    func refundLogEntries(orderID: String) throws -> [RefundLogEntry]
    /// Marks a pending row succeeded with Stripe's refund id.
    func settleRefund(id: String, stripeRefundID: String, completedAt: Date) throws
    /// Marks a pending row failed with the reason.
    func failRefund(id: String, error: String, completedAt: Date) throws
    /// Records Stripe's refund id on a row that stays pending.
    func recordStripeRefundID(_ stripeRefundID: String, id: String) throws
    /// The pending rows reconciliation should look at, oldest first; rows another reconciliation run is settling
    /// right now may be left out.
    func pendingRefunds() throws -> [RefundLogEntry]
    /// An order's succeeded and pending refund sums.
    ///
    /// In a writing transaction the order is kept from other writers until the transaction ends (SQLite's write
    /// lock; PostgreSQL's `SELECT … FOR UPDATE` on its row), so the refundable amount computed from these sums
    /// stays true until the refund is journalled, and two processes refunding one order cannot refund more than it
    /// holds.
    func refundTotals(orderID: String) throws -> RefundTotals

    // MARK: Confirmation tokens

    /// Stores a refund preview's confirmation token.
    func insertRefundApproval(_ approval: RefundApproval) throws
    /// The stored token.
    func refundApproval(token: String) throws -> RefundApproval?
    /// Uses a token atomically: `true` for the one caller that found it unused.
    func useRefundApproval(token: String, at: Date, outcome: String) throws -> Bool
    /// Supersedes an order's unused tokens; returns how many.
    @discardableResult
    func supersedeRefundApprovals(orderID: String, at: Date) throws -> Int

    // MARK: Second approvals

    /// Stores a refund request waiting for a second approval.
    func insertApprovalRequest(_ request: ApprovalRequest) throws
    /// The refund request with this id.
    func approvalRequest(id: String) throws -> ApprovalRequest?
    /// The requests nobody has decided that have not expired at `now`, oldest first.
    func pendingApprovalRequests(at now: Date) throws -> [ApprovalRequest]
    /// Decides a request atomically: `true` for the one caller that found it undecided and unexpired at `now`.
    func decideApprovalRequest(
        id: String, decision: ApprovalDecision, by decidedBy: String, note: String?, at now: Date
    ) throws -> Bool

    // MARK: Revenue and review flags

    /// Orders, gross, refunded and net per currency for orders created between two UTC days, both inclusive.
    func revenue(from startDate: String, through endDate: String) throws -> [CurrencyTotals]
    /// The same sums over all of one customer's orders.
    func customerTotals(customerID: String) throws -> [CurrencyTotals]
    /// Inserts a review flag.
    func insertReviewFlag(_ flag: ReviewFlag) throws
    /// An order's review flags, oldest first.
    func reviewFlags(orderID: String) throws -> [ReviewFlag]

    // MARK: The doctor

    /// How many customers, orders and journal rows the database holds.
    func rowCounts() throws -> StoreRowCounts
}

/// How many rows the main tables hold, as `payment-ops doctor` reports them.
public struct StoreRowCounts: Sendable, Hashable {
    /// Rows in `customers`.
    public var customers: Int
    /// Rows in `orders`.
    public var orders: Int
    /// Rows in `refund_log`.
    public var refundLog: Int

    /// Creates the counts.
    public init(customers: Int, orders: Int, refundLog: Int) {
        self.customers = customers
        self.orders = orders
        self.refundLog = refundLog
    }
}

extension StoreRowCounts {
    /// No rows at all.
    static let zero = StoreRowCounts(customers: 0, orders: 0, refundLog: 0)

    /// The counting query, the same on both engines; its columns are named for `init(reading:)`.
    static let query = """
        SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM orders) AS orders,
          (SELECT COUNT(*) FROM refund_log) AS refund_log
        """

    /// The counts in a row of `query`, read by column name through `int`.
    init(reading int: (String) throws -> Int) throws {
        self.init(customers: try int("customers"), orders: try int("orders"), refundLog: try int("refund_log"))
    }
}
