extension Order: RowDecodable {
    /// Legacy rows may hold NULL currency or status; SQLAlchemy's defaults fill them in.
    static let columns = """
        id, customer_id, stripe_charge_id, amount_cents, COALESCE(currency, 'usd') AS currency, \
        COALESCE(status, 'paid') AS status, created_at
        """

    enum Column: Int, RowColumns {
        case id, customerID, paymentIntentID, amountCents, currency, status, createdAt

        var name: String {
            switch self {
            case .id: "id"
            case .customerID: "customer_id"
            case .paymentIntentID: "stripe_charge_id"
            case .amountCents: "amount_cents"
            case .currency: "currency"
            case .status: "status"
            case .createdAt: "created_at"
            }
        }
    }

    init(row: Row) throws {
        let row = try row.columns(Column.self)
        self.init(
            id: try row.string(.id),
            customerID: try row.string(.customerID),
            paymentIntentID: row.optionalString(.paymentIntentID),
            amountCents: try row.int(.amountCents),
            currency: try row.string(.currency),
            status: try row.value(.status, as: OrderStatus.self),
            createdAt: try row.date(.createdAt)
        )
    }
}

extension RefundedOrder: RowDecodable {
    /// Both sums are columns the triggers keep, so a page is one index range and a row each.
    static let columns = "\(Order.columns), refunded_cents, pending_refund_cents"

    enum Column: Int, RowColumns {
        case refundedCents, pendingRefundCents

        var name: String {
            switch self {
            case .refundedCents: "refunded_cents"
            case .pendingRefundCents: "pending_refund_cents"
            }
        }
    }

    init(row: Row) throws {
        let sums = try row.columns(Column.self)
        self.init(
            order: try Order(row: row), succeededCents: try sums.int(.refundedCents),
            pendingCents: try sums.int(.pendingRefundCents))
    }
}

extension Database {
    /// Inserts an order; an unknown customer throws a foreign-key `SQLiteError`.
    public func insertOrder(_ order: Order) throws {
        try execute(
            """
            INSERT INTO orders (id, customer_id, stripe_charge_id, amount_cents, currency, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                order.id, order.customerID, order.paymentIntentID, order.amountCents, order.currency,
                order.status.rawValue, order.createdAt,
            ]
        )
    }

    /// The order with this id.
    public func order(id: String) throws -> Order? {
        try fetchOne(Order.self, "FROM orders WHERE id = ?", [id])
    }

    /// The order paid by this PaymentIntent (`pi_…`, column `stripe_charge_id`).
    public func order(paymentIntentID: String) throws -> Order? {
        try fetchOne(
            Order.self, "FROM orders WHERE stripe_charge_id = ? ORDER BY created_at, id LIMIT 1", [paymentIntentID])
    }

    /// A page of a customer's orders, newest first (`created_at DESC, id DESC`), strictly after `cursor`.
    ///
    /// Keyset paging: a page never repeats or skips an order because others were inserted meanwhile.
    public func orders(customerID: String, limit: Int, after cursor: OrderCursor?) throws -> [Order] {
        try page(of: Order.self, customerID: customerID, limit: limit, after: cursor)
    }

    /// The page `orders(customerID:limit:after:)` lists, each order with its refund sums, in one statement.
    public func refundedOrders(customerID: String, limit: Int, after cursor: OrderCursor?) throws -> [RefundedOrder] {
        try page(of: RefundedOrder.self, customerID: customerID, limit: limit, after: cursor)
    }

    /// Keyset paging over `ix_orders_customer_history`, decoding each row as `T`.
    private func page<T: RowDecodable>(of type: T.Type, customerID: String, limit: Int, after cursor: OrderCursor?)
        throws -> [T]
    {
        guard let cursor else {
            return try fetchAll(
                T.self, Self.pageTail(afterCursor: false), [customerID, max(0, limit)])
        }
        return try fetchAll(
            T.self, Self.pageTail(afterCursor: true),
            [customerID, cursor.createdAt, cursor.id, max(0, limit)])
    }

    /// The FROM, WHERE, ORDER BY and LIMIT of a page of a customer's orders, newest first; `afterCursor` adds the
    /// keyset condition. Its arguments: the customer id, then the cursor's time and id, then the limit.
    ///
    /// The condition is a row value, which SQLite turns into the end of the index range, so a later page starts
    /// where the cursor points instead of stepping past every newer order.
    static func pageTail(afterCursor: Bool) -> String {
        let keyset = afterCursor ? " AND (created_at, id) < (?, ?)" : ""
        return "FROM orders WHERE customer_id = ?\(keyset) ORDER BY created_at DESC, id DESC LIMIT ?"
    }

    /// The orders paid by these PaymentIntents, keyed by PaymentIntent id; ids without an order are absent.
    public func orders(paymentIntentIDs: [String]) throws -> [String: Order] {
        var found: [String: Order] = [:]
        try forEachInList(paymentIntentIDs) { list, arguments in
            for order in try fetchAll(Order.self, "FROM orders WHERE stripe_charge_id IN \(list)", arguments) {
                if let paymentIntentID = order.paymentIntentID { found[paymentIntentID] = order }
            }
        }
        return found
    }

    /// The customer's newest order in this status.
    public func mostRecentOrder(customerID: String, status: OrderStatus) throws -> Order? {
        try fetchOne(
            Order.self,
            """
            FROM orders WHERE customer_id = ? AND COALESCE(status, 'paid') = ?
            ORDER BY created_at DESC, id DESC LIMIT 1
            """,
            [customerID, status.rawValue]
        )
    }

    /// How many of the customer's orders are in each status.
    public func orderCounts(customerID: String) throws -> OrderCounts {
        let counts = try fetchOne(
            """
            SELECT COUNT(*) AS total,
              COALESCE(SUM(CASE WHEN COALESCE(status, 'paid') = 'paid' THEN 1 ELSE 0 END), 0) AS paid,
              COALESCE(SUM(CASE WHEN status = 'partially_refunded' THEN 1 ELSE 0 END), 0) AS partially_refunded,
              COALESCE(SUM(CASE WHEN status = 'refunded' THEN 1 ELSE 0 END), 0) AS refunded
            FROM orders WHERE customer_id = ?
            """,
            [customerID]
        ) { row in
            OrderCounts(
                total: try row.int("total"), paid: try row.int("paid"),
                partiallyRefunded: try row.int("partially_refunded"), refunded: try row.int("refunded"))
        }
        return counts ?? OrderCounts(total: 0, paid: 0, partiallyRefunded: 0, refunded: 0)
    }

    /// Sets an order's status.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no order has that id.
    public func setOrderStatus(_ status: OrderStatus, orderID: String) throws {
        let changed = try execute("UPDATE orders SET status = ? WHERE id = ?", [status.rawValue, orderID])
        guard changed == 1 else { throw StoreError.rowNotFound(table: "orders") }
    }
}
