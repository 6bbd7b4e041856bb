import Whitespace

extension Customer: RowDecodable {
    static let columns = "id, email, name, stripe_customer_id, created_at"

    enum Column: Int, RowColumns {
        case id, email, name, stripeCustomerID, createdAt

        var name: String {
            switch self {
            case .id: "id"
            case .email: "email"
            case .name: "name"
            case .stripeCustomerID: "stripe_customer_id"
            case .createdAt: "created_at"
            }
        }
    }

    init(row: Row) throws {
        let row = try row.columns(Column.self)
        self.init(
            id: try row.string(.id),
            email: try row.string(.email),
            name: try row.string(.name),
            stripeCustomerID: row.optionalString(.stripeCustomerID),
            createdAt: try row.optionalDate(.createdAt)
        )
    }
}

extension Database {
    /// The customer with this email, ignoring surrounding spaces and letter case.
    ///
    /// Emails are unique only as stored, so two rows may differ just by case: the one matching exactly wins.
    /// - Throws: `StoreError` of kind `.ambiguousEmail` when several match and none exactly.
    public func customer(email: String) throws -> Customer? {
        let wanted = email.trimmingWhitespace()
        let matches = try fetchAll(Customer.self, "FROM customers WHERE email = ? COLLATE NOCASE", [wanted])
        if let exact = matches.first(where: { $0.email == wanted }) {
            return exact
        }
        guard matches.count <= 1 else { throw StoreError.ambiguousEmail }
        return matches.first
    }

    /// The customer with this id.
    public func customer(id: String) throws -> Customer? {
        try fetchOne(Customer.self, "FROM customers WHERE id = ?", [id])
    }

    /// The customer linked to this Stripe customer (`cus_…`).
    public func customer(stripeCustomerID: String) throws -> Customer? {
        try fetchOne(Customer.self, "FROM customers WHERE stripe_customer_id = ?", [stripeCustomerID])
    }

    /// Inserts a customer; a duplicate id, email or Stripe id throws a unique-constraint `SQLiteError`.
    public func insertCustomer(_ customer: Customer) throws {
        try execute(
            "INSERT INTO customers (\(Customer.columns)) VALUES (?, ?, ?, ?, ?)",
            [customer.id, customer.email, customer.name, customer.stripeCustomerID, customer.createdAt]
        )
    }

    /// Links a customer to a Stripe customer.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no customer has that id.
    public func setStripeCustomerID(_ stripeID: String, customerID: String) throws {
        let changed = try execute("UPDATE customers SET stripe_customer_id = ? WHERE id = ?", [stripeID, customerID])
        guard changed == 1 else { throw StoreError.rowNotFound(table: "customers") }
    }

    /// A page of customers by email ascending (exact byte order), starting after `email` (nil: from the start).
    public func customers(after email: String?, limit: Int) throws -> [Customer] {
        guard let email else {
            return try fetchAll(Customer.self, "FROM customers ORDER BY email LIMIT ?", [max(0, limit)])
        }
        return try fetchAll(
            Customer.self, "FROM customers WHERE email > ? ORDER BY email LIMIT ?", [email, max(0, limit)])
    }

    /// Up to `limit` emails starting with `prefix`, ignoring letter case, in case-insensitive order.
    public func customerEmails(prefix: String, limit: Int) throws -> [String] {
        try fetchAll(
            "SELECT email FROM customers WHERE email LIKE ? ESCAPE '\\' ORDER BY email COLLATE NOCASE, email LIMIT ?",
            [prefix.trimmingWhitespace().likePrefixPattern, max(0, limit)]
        ) { try $0.string("email") }
    }
}
