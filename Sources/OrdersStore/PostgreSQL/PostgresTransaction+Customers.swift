import Whitespace

extension Customer {
    /// The SELECT list `init(postgres:)` reads.
    static let postgresColumns = "id, email, name, stripe_customer_id, created_at"

    /// Decodes a row of `customers` by column name.
    init(postgres row: PostgresRow) throws {
        self.init(
            id: try row.string("id"),
            email: try row.string("email"),
            name: try row.string("name"),
            stripeCustomerID: try row.optionalString("stripe_customer_id"),
            createdAt: try row.optionalDate("created_at")
        )
    }
}

extension PostgresTransaction {
    /// The customer with this email, ignoring surrounding spaces and letter case.
    ///
    /// Emails are unique only as stored, so two rows may differ just by case: the one matching exactly wins.
    /// - Throws: `StoreError` of kind `.ambiguousEmail` when several match and none exactly.
    public func customer(email: String) throws -> Customer? {
        let wanted = email.trimmingWhitespace()
        let matches = try fetchAll(
            "SELECT \(Customer.postgresColumns) FROM customers WHERE lower(email) = lower($1)", [wanted],
            Customer.init(postgres:))
        if let exact = matches.first(where: { $0.email == wanted }) {
            return exact
        }
        guard matches.count <= 1 else { throw StoreError.ambiguousEmail }
        return matches.first
    }

    /// The customer with this id.
    public func customer(id: String) throws -> Customer? {
        try fetchOne(
            "SELECT \(Customer.postgresColumns) FROM customers WHERE id = $1", [id], Customer.init(postgres:))
    }

    /// The customer linked to this Stripe customer (`cus_…`).
    public func customer(stripeCustomerID: String) throws -> Customer? {
        try fetchOne(
            "SELECT \(Customer.postgresColumns) FROM customers WHERE stripe_customer_id = $1", [stripeCustomerID],
            Customer.init(postgres:))
    }

    /// Inserts a customer; a duplicate id, email or Stripe id throws a unique-violation `PostgresError`.
    public func insertCustomer(_ customer: Customer) throws {
        try execute(
            "INSERT INTO customers (\(Customer.postgresColumns)) VALUES ($1, $2, $3, $4, $5)",
            [customer.id, customer.email, customer.name, customer.stripeCustomerID, customer.createdAt]
        )
    }

    /// Links a customer to a Stripe customer.
    /// - Throws: `StoreError` of kind `.rowNotFound` when no customer has that id.
    public func setStripeCustomerID(_ stripeID: String, customerID: String) throws {
        let changed = try execute(
            "UPDATE customers SET stripe_customer_id = $1 WHERE id = $2", [stripeID, customerID])
        guard changed == 1 else { throw StoreError.rowNotFound(table: "customers") }
    }

    /// A page of customers by email ascending (exact byte order), starting after `email` (nil: from the start).
    public func customers(after email: String?, limit: Int) throws -> [Customer] {
        // COLLATE "C" is byte order whatever the database's collation, and matches `ix_customers_email_bytes`.
        guard let email else {
            return try fetchAll(
                #"SELECT \#(Customer.postgresColumns) FROM customers ORDER BY email COLLATE "C" LIMIT $1"#,
                [max(0, limit)], Customer.init(postgres:))
        }
        return try fetchAll(
            #"""
            SELECT \#(Customer.postgresColumns) FROM customers WHERE email COLLATE "C" > $1
            ORDER BY email COLLATE "C" LIMIT $2
            """#,
            [email, max(0, limit)], Customer.init(postgres:))
    }

    /// Up to `limit` emails starting with `prefix`, ignoring letter case, in case-insensitive order.
    public func customerEmails(prefix: String, limit: Int) throws -> [String] {
        try fetchAll(
            #"""
            SELECT email FROM customers WHERE lower(email) LIKE lower($1) ESCAPE '\'
            ORDER BY lower(email), email COLLATE "C" LIMIT $2
            """#,
            [prefix.trimmingWhitespace().likePrefixPattern, max(0, limit)]
        ) { try $0.string("email") }
    }

}
