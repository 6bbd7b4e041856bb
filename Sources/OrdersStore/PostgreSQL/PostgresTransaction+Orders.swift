extension Order {
    /// The SELECT list `init(postgres:)` reads. Legacy rows may hold NULL currency or status; SQLAlchemy's defaults
    /// fill them in. `status` is read as text whether the column is the native enum or a `VARCHAR`.
    static let postgresColumns = """
        id, customer_id, stripe_charge_id, amount_cents, COALESCE(currency, 'usd') AS currency, \
        COALESCE(status::text, 'paid') AS status, created_at
        """

    /// Decodes a row of `orders` by column name.
    init(postgres row: PostgresRow) throws {
        self.init(
            id: try row.string("id"),
            customerID: try row.string("customer_id"),
            paymentIntentID: try row.optionalString("stripe_charge_id"),
            amountCents: try row.int("amount_cents"),
            currency: try row.string("currency"),
            status: try row.value("status", as: OrderStatus.self),
            createdAt: try row.date("created_at")
        )
    }
}

extension RefundedOrder {
    /// The SELECT list `init(postgres:)` reads: both sums are columns the trigger keeps.
    static let postgresColumns = "\(Order.postgresColumns), refunded_cents, pending_refund_cents"

    /// Decodes a row of `orders` with its kept sums by column name.
    init(postgres row: PostgresRow) throws {
        self.init(
            order: try Order(postgres: row), succeededCents: try row.int("refunded_cents"),
            pendingCents: try row.int("pending_refund_cents"))
    }
}

extension PostgresTransaction {
    /// Inserts an order; an unknown customer throws a foreign-key `PostgresError`.
    public func insertOrder(_ order: Order) throws {
        try execute(
            """
            INSERT INTO orders (id, customer_id, stripe_charge_id, amount_cents, currency, status, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """,
            [
                order.id, order.customerID, order.paymentIntentID, order.amountCents, order.currency,
                order.status.rawValue, order.createdAt,
            ]
        )
    }

    /// The order with this id.
    public func order(id: String) throws -> Order? {
        try fetchOne("SELECT \(Order.postgresColumns) FROM orders WHERE id = $1", [id], Order.init(postgres:))
    }

    /// The order paid by this PaymentIntent (`pi_…`, column `stripe_charge_id`).
    public func order(paymentIntentID: String) throws -> Order? {
        try fetchOne(
            "SELECT \(Order.postgresColumns) FROM orders WHERE stripe_charge_id = $1 ORDER BY created_at, id LIMIT 1",
            [paymentIntentID], Order.init(postgres:))
    }

    /// A page of a customer's orders, newest first (`created_at DESC, id DESC`), strictly after `cursor`.
    ///
    /// Keyset paging: a page never repeats or skips an order because others were inserted meanwhile.
    public func orders(customerID: String, limit: Int, after cursor: OrderCursor?) throws -> [Order] {
        try page(Order.postgresColumns, customerID: customerID, limit: limit, after: cursor, Order.init(postgres:))
    }

    /// The page `orders(customerID:limit:after:)` lists, each order with its refund sums, in one statement.
    public func refundedOrders(customerID: String, limit: Int, after cursor: OrderCursor?) throws -> [RefundedOrder] {
        try page(
            RefundedOrder.postgresColumns, customerID: customerID, limit: limit, after: cursor,
            RefundedOrder.init(postgres:))
    }

    /// Keyset paging over `ix_orders_customer_history`: the row-value condition is the start of the index range,
    /// so a later page begins where the cursor points, read from the index alone.
    private func page<T>(
        _ columns: String, customerID: String, limit: Int, after cursor: OrderCursor?,
        _ decode: (PostgresRow) throws -> T
    ) throws -> [T] {
        guard let cursor else {
            return try fetchAll(
                "SELECT \(columns) FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
                [customerID, max(0, limit)], decode)
        }
        return try fetchAll(
            """
            SELECT \(columns) FROM orders WHERE customer_id = $1 AND (created_at, id) < ($2::timestamp, $3::varchar)
            ORDER BY created_at DESC, id DESC LIMIT $4
            """,
            [customerID, cursor.createdAt, cursor.id, max(0, limit)], decode)
    }

    /// The orders paid by these PaymentIntents, keyed by PaymentIntent id; ids without an order are absent.
    ///
    /// One statement whatever the number of ids: they travel as one bound array.
    public func orders(paymentIntentIDs: [String]) throws -> [String: Order] {
        guard !paymentIntentIDs.isEmpty else { return [:] }
        var found: [String: Order] = [:]
        let orders = try fetchAll(
            "SELECT \(Order.postgresColumns) FROM orders WHERE stripe_charge_id = ANY($1::varchar[])",
            [PostgresArray.literal(Array(Set(paymentIntentIDs)))], Order.init(postgres:))
        for order in orders {
            if let paymentIntentID = order.paymentIntentID { found[paymentIntentID] = order }
        }
        return found
    }

    /// The customer's newest order in this status.
    public func mostRecentOrder(customerID: String, status: OrderStatus) throws -> Order? {
        try fetchOne(
            """
            SELECT \(Order.postgresColumns) FROM orders WHERE customer_id = $1 AND COALESCE(status::text, 'paid') = $2
            ORDER BY created_at DESC, id DESC LIMIT 1
            """,
            [customerID, status.rawValue], Order.init(postgres:))
    }

    /// How many of the customer's orders are in each status.
    public func orderCounts(customerID: String) throws -> OrderCounts {
        let counts = try fetchOne(
            """
            SELECT COUNT(*) AS total,
              COUNT(*) FILTER (WHERE COALESCE(status::text, 'paid') = 'paid') AS paid,
              COUNT(*) FILTER (WHERE status::text = 'partially_refunded') AS partially_refunded,
              COUNT(*) FILTER (WHERE status::text = 'refunded') AS refunded
            FROM orders WHERE customer_id = $1
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
        let changed = try execute("UPDATE orders SET status = $1 WHERE id = $2", [status.rawValue, orderID])
        guard changed == 1 else { throw StoreError.rowNotFound(table: "orders") }
    }
}

/// PostgreSQL's text form of an array, for binding a list as one parameter.
enum PostgresArray {
    /// `{"a","b"}`, each element quoted and its `"` and `\` escaped, so any text travels as itself.
    static func literal(_ elements: [String]) -> String {
        let quoted = elements.map { element in
            var text = "\""
            for character in element {
                if character == "\"" || character == "\\" { text.append("\\") }
                text.append(character)
            }
            return text + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}
