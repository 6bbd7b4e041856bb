@testable import OrdersStore

/// A `payments.db` as the original Python service left it: SQLAlchemy's DDL, `user_version` 0, and rows of every
/// kind the migration must carry over.
enum LegacyDatabase {
    /// The DDL exactly as SQLAlchemy wrote it (issue 2), kept apart from the store's own copy on purpose.
    static let ddl = [
        """
        CREATE TABLE customers (id VARCHAR NOT NULL, email VARCHAR NOT NULL, name VARCHAR NOT NULL,
          stripe_customer_id VARCHAR, created_at DATETIME, PRIMARY KEY (id), UNIQUE (email), UNIQUE (stripe_customer_id))
        """,
        """
        CREATE TABLE orders (id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, stripe_charge_id VARCHAR,
          amount_cents INTEGER NOT NULL, currency VARCHAR, status VARCHAR(18), created_at DATETIME,
          PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customers (id))
        """,
        """
        CREATE TABLE refund_log (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, stripe_refund_id VARCHAR,
          amount_cents INTEGER NOT NULL, reason VARCHAR, refunded_by VARCHAR, created_at DATETIME,
          PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
    ]

    static let customers = [
        "INSERT INTO customers VALUES ('3e9b0257-f56b-4b12-8554-06f941ae099f', 'a@b.c', 'A', 'cus_1', '2026-11-27 16:21:52.929971')",
        "INSERT INTO customers VALUES ('c2', 'Bob@Example.com', 'Bob O''Brien', NULL, '2026-10-01 09:00:00.000000')",
        "INSERT INTO customers VALUES ('c3', 'carol@example.com', 'Carol', 'cus_3', NULL)",
    ]

    static let orders = [
        "INSERT INTO orders VALUES ('o1', '3e9b0257-f56b-4b12-8554-06f941ae099f', 'pi_1', 4999, 'usd', 'paid', '2026-11-01 10:00:00.000001')",
        "INSERT INTO orders VALUES ('o2', '3e9b0257-f56b-4b12-8554-06f941ae099f', 'pi_2', 10000, 'usd', 'refunded', '2026-11-02 10:00:00.000000')",
        "INSERT INTO orders VALUES ('o3', 'c2', 'pi_3', 5000, 'eur', 'partially_refunded', '2026-11-03 10:00:00.000000')",
        "INSERT INTO orders VALUES ('o4', 'c2', 'pi_4', 700, 'jpy', 'paid', '2026-11-04 10:00:00.000000')",
    ]

    /// Two money movements, two flags (one from a row without `refunded_by`), and two look-alikes that stay.
    static let refunds = [
        "INSERT INTO refund_log VALUES ('r1', 'o2', 're_1', 10000, 'requested_by_customer', 'support', '2026-11-05 10:00:00.000000')",
        "INSERT INTO refund_log VALUES ('r2', 'o3', 're_2', 1500, 'duplicate', 'ai-assistant', '2026-11-06 10:00:00.000000')",
        "INSERT INTO refund_log VALUES ('f1', 'o1', NULL, 0, '[FLAGGED FOR REVIEW] Card used from two countries', 'ai-assistant', '2026-11-07 10:00:00.123456')",
        "INSERT INTO refund_log VALUES ('f2', 'o3', NULL, 0, '[FLAGGED FOR REVIEW]No space after the marker', NULL, '2026-11-08 10:00:00.000000')",
        "INSERT INTO refund_log VALUES ('k1', 'o4', NULL, 0, 'goodwill, nothing moved', 'support', '2026-11-09 10:00:00.000000')",
        "INSERT INTO refund_log VALUES ('k2', 'o4', 're_3', 100, '[FLAGGED FOR REVIEW] then refunded', 'support', '2026-11-10 10:00:00.000000')",
    ]

    /// Writes the legacy file at `path`.
    static func create(at path: String) throws {
        let database = try Database(location: .file(path: path))
        for statement in ddl + customers + orders + refunds {
            try database.execute(statement)
        }
    }
}
