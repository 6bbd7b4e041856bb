/// The orders database's schema on PostgreSQL, as the ordered list of migrations that build it.
///
/// Version n is `migrations[n - 1]` and mirrors SQLite's version n (`Schema`): the same tables, columns, moved
/// rows and kept sums, in PostgreSQL's own types and features. `payment_ops_schema_versions` records each version
/// applied. Append new migrations; never edit one that has shipped.
enum PostgresSchema {
    /// Each migration's statements, run in order inside one transaction.
    static let migrations: [[String]] = [
        version1, version2, version3, version4, version5,
        version6,
    ]

    /// The newest schema version this binary knows on PostgreSQL.
    static var latestVersion: Int { migrations.count }

    /// The table that records the versions applied, one row each.
    static let versionsTable = "payment_ops_schema_versions"

    /// The original Python service's tables, exactly as SQLAlchemy created them on PostgreSQL: `VARCHAR` ids,
    /// `TIMESTAMP WITHOUT TIME ZONE` holding UTC, `INTEGER` amounts and the native enum `order_status`.
    ///
    /// A database that service created has these already: `IF NOT EXISTS` makes this migration a no-op there, so
    /// legacy and empty databases meet at version 1 with the same tables. No DEFAULTs: SQLAlchemy applied
    /// `currency = 'usd'` and `status = 'paid'` in Python, so readers coalesce.
    static let version1 = [
        """
        DO $$ BEGIN
          IF to_regtype('order_status') IS NULL THEN
            CREATE TYPE order_status AS ENUM ('paid', 'refunded', 'partially_refunded');
          END IF;
        END $$
        """,
        """
        CREATE TABLE IF NOT EXISTS customers (id VARCHAR NOT NULL, email VARCHAR NOT NULL, name VARCHAR NOT NULL,
          stripe_customer_id VARCHAR, created_at TIMESTAMP WITHOUT TIME ZONE, PRIMARY KEY (id), UNIQUE (email),
          UNIQUE (stripe_customer_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS orders (id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, stripe_charge_id VARCHAR,
          amount_cents INTEGER NOT NULL, currency VARCHAR, status order_status, created_at TIMESTAMP WITHOUT TIME ZONE,
          PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customers (id))
        """,
        """
        CREATE TABLE IF NOT EXISTS refund_log (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL,
          stripe_refund_id VARCHAR, amount_cents INTEGER NOT NULL, reason VARCHAR, refunded_by VARCHAR,
          created_at TIMESTAMP WITHOUT TIME ZONE, PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
    ]

    /// The refund journal's new columns, review flags and approvals as tables, and the hot-query indexes.
    ///
    /// As on SQLite: `status` defaults to `succeeded`; legacy flag rows move to `review_flags` under the same id
    /// (PostgreSQL enforced the foreign key, so every one has its order). Email lookups compare `lower(email)`;
    /// its `text_pattern_ops` index serves both equality and completion's prefix `LIKE` under any collation, and
    /// customer paging in byte order has an index of its own. SQLite's covering index by time, which version 3
    /// drops there, is not built here at all.
    static let version2 =
        // SQLite's first six statements are SQL PostgreSQL reads as written: taken from there, so they cannot drift.
        Array(Schema.version2.prefix(6)) + [
            "ALTER TABLE refund_log ADD COLUMN completed_at TIMESTAMP WITHOUT TIME ZONE",
            """
            UPDATE refund_log SET currency = COALESCE(orders.currency, 'usd') FROM orders
              WHERE orders.id = refund_log.order_id
            """,
            """
            CREATE TABLE review_flags (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, stripe_charge_id VARCHAR,
              note VARCHAR NOT NULL, flagged_by VARCHAR NOT NULL, created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
              PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
            """,
            """
            CREATE TABLE refund_approvals (token VARCHAR NOT NULL, order_id VARCHAR NOT NULL,
              amount_cents INTEGER NOT NULL, currency VARCHAR NOT NULL, reason VARCHAR NOT NULL, note VARCHAR,
              expires_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, used_at TIMESTAMP WITHOUT TIME ZONE, outcome VARCHAR,
              PRIMARY KEY (token), FOREIGN KEY(order_id) REFERENCES orders (id))
            """,
            """
            INSERT INTO review_flags (id, order_id, stripe_charge_id, note, flagged_by, created_at)
            SELECT r.id, r.order_id, o.stripe_charge_id,
              ltrim(substr(r.reason, \(Schema.legacyFlagPrefix.count + 1)), ' '), COALESCE(r.refunded_by, 'unknown'),
              COALESCE(r.created_at, o.created_at, TIMESTAMP '1970-01-01 00:00:00')
            FROM refund_log AS r JOIN orders AS o ON o.id = r.order_id
            WHERE r.amount_cents = 0 AND substr(r.reason, 1, \(Schema.legacyFlagPrefix.count)) = '\(Schema.legacyFlagPrefix)'
            """,
            "DELETE FROM refund_log WHERE id IN (SELECT id FROM review_flags)",
            "CREATE UNIQUE INDEX ix_refund_log_idempotency_key ON refund_log (idempotency_key)",
            "CREATE INDEX ix_refund_log_order_status ON refund_log (order_id, status, amount_cents)",
            "CREATE INDEX ix_refund_log_pending ON refund_log (created_at, id) WHERE status = 'pending'",
            "CREATE INDEX ix_orders_customer_created ON orders (customer_id, created_at, id)",
            "CREATE INDEX ix_orders_stripe_charge_id ON orders (stripe_charge_id)",
            "CREATE INDEX ix_customers_email_lower ON customers (lower(email) text_pattern_ops)",
            #"CREATE INDEX ix_customers_email_bytes ON customers (email COLLATE "C")"#,
            "CREATE INDEX ix_review_flags_order ON review_flags (order_id, created_at)",
            "CREATE INDEX ix_refund_approvals_order ON refund_approvals (order_id)",
        ]

    /// Each order's succeeded refunds as a column kept by a trigger, and the index revenue reads.
    ///
    /// As on SQLite, the trigger sets the sum afresh from the journal on every journal write, whoever writes it
    /// (other systems write this database too). `BIGINT`: a sum of `INTEGER` amounts cannot overflow it. SQLite's
    /// trigger on `orders` inserts is not needed: PostgreSQL enforces the foreign key, so no journal row precedes
    /// its order. Revenue is one range of the index by time, read without touching the table (`INCLUDE`), then
    /// grouped by hashing, which PostgreSQL does well (SQLite needed the currency first instead).
    static let version3 = [
        "ALTER TABLE orders ADD COLUMN refunded_cents BIGINT NOT NULL DEFAULT 0",
        backfill("refunded_cents", ofStatus: "succeeded"),
        "CREATE INDEX ix_orders_created_revenue ON orders (created_at) INCLUDE (currency, amount_cents, refunded_cents)",
        refundSumsFunction(setting: [succeededSum("NEW"), succeededSum("OLD")]),
        """
        CREATE TRIGGER refund_log_refund_sums AFTER INSERT OR DELETE OR UPDATE OF order_id, amount_cents, status
          ON refund_log FOR EACH ROW EXECUTE FUNCTION payment_ops_refund_sums()
        """,
    ]

    /// Each order's pending refunds as a column kept by the same trigger, so an order-history page reads them with
    /// its rows; the trigger's function is replaced by one that sets both sums.
    static let version4 = [
        "ALTER TABLE orders ADD COLUMN pending_refund_cents BIGINT NOT NULL DEFAULT 0",
        backfill("pending_refund_cents", ofStatus: "pending"),
        refundSumsFunction(setting: [bothSums("NEW"), bothSums("OLD")]),
    ]

    /// The index that pages a customer's orders made covering: a page is one index range, read without touching
    /// the table. PostgreSQL keeps the non-key columns in `INCLUDE`, so the key stays small.
    static let version5 = [
        "DROP INDEX IF EXISTS ix_orders_customer_created",
        """
        CREATE INDEX ix_orders_customer_history ON orders (customer_id, created_at, id)
          INCLUDE (stripe_charge_id, amount_cents, currency, status, refunded_cents, pending_refund_cents)
        """,
    ]

    /// The trigger function that sets an order's kept sums from the journal: for the new row's order on insert and
    /// update, and for the old row's order on delete and on an update that moved the row to another order.
    /// `setting[0]` updates `NEW.order_id`'s order, `setting[1]` `OLD.order_id`'s.
    private static func refundSumsFunction(setting: [String]) -> String {
        """
        CREATE OR REPLACE FUNCTION payment_ops_refund_sums() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            \(setting[0]);
          END IF;
          IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.order_id IS DISTINCT FROM NEW.order_id) THEN
            \(setting[1]);
          END IF;
          RETURN NULL;
        END $$
        """
    }

    /// Sets a kept sum of every order with journal rows in `status`, in one pass over the journal.
    private static func backfill(_ column: String, ofStatus status: String) -> String {
        """
        UPDATE orders SET \(column) = sums.total
        FROM (SELECT order_id, SUM(amount_cents) AS total FROM refund_log WHERE status = '\(status)'
          GROUP BY order_id) AS sums
        WHERE orders.id = sums.order_id
        """
    }

    /// Sets `refunded_cents` of the order of the trigger's `row` (`NEW` or `OLD`).
    private static func succeededSum(_ row: String) -> String {
        "UPDATE orders SET refunded_cents = \(sum(ofStatus: "succeeded", row)) WHERE id = \(row).order_id"
    }

    /// Sets both kept sums of the order of the trigger's `row`.
    private static func bothSums(_ row: String) -> String {
        """
        UPDATE orders SET refunded_cents = \(sum(ofStatus: "succeeded", row)),
              pending_refund_cents = \(sum(ofStatus: "pending", row))
            WHERE id = \(row).order_id
        """
    }

    /// The sum of the journal rows in `status` of the trigger row's order, read through `ix_refund_log_order_status`.
    private static func sum(ofStatus status: String, _ row: String) -> String {
        """
        (SELECT COALESCE(SUM(amount_cents), 0) FROM refund_log \
        WHERE refund_log.order_id = \(row).order_id AND refund_log.status = '\(status)')
        """
    }
}
