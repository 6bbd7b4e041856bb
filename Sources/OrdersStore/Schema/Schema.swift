/// The orders database's schema, as the ordered list of migrations that build it.
///
/// Version n is `migrations[n - 1]`; `PRAGMA user_version` records the last one applied. Append new migrations;
/// never edit one that has shipped.
enum Schema {
    /// The legacy flag marker the Python service put at the start of `refund_log.reason`.
    static let legacyFlagPrefix = "[FLAGGED FOR REVIEW]"

    /// Each migration's statements, run in order inside one transaction.
    static let migrations: [[String]] = [version1, version2, version3, version4, version5, version6, version7]

    /// The newest schema version this binary knows.
    static var latestVersion: Int { migrations.count }

    /// The original Python service's tables, exactly as SQLAlchemy created them.
    ///
    /// A file that service created has `user_version` 0 and these tables already: `IF NOT EXISTS` makes this
    /// migration a no-op there, so legacy files and fresh files meet at version 1 with the same tables.
    /// No DEFAULTs: SQLAlchemy applied `currency = 'usd'` and `status = 'paid'` in Python, so readers coalesce.
    static let version1 = [
        """
        CREATE TABLE IF NOT EXISTS customers (id VARCHAR NOT NULL, email VARCHAR NOT NULL, name VARCHAR NOT NULL,
          stripe_customer_id VARCHAR, created_at DATETIME, PRIMARY KEY (id), UNIQUE (email), UNIQUE (stripe_customer_id))
        """,
        """
        CREATE TABLE IF NOT EXISTS orders (id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, stripe_charge_id VARCHAR,
          amount_cents INTEGER NOT NULL, currency VARCHAR, status VARCHAR(18), created_at DATETIME,
          PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customers (id))
        """,
        """
        CREATE TABLE IF NOT EXISTS refund_log (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, stripe_refund_id VARCHAR,
          amount_cents INTEGER NOT NULL, reason VARCHAR, refunded_by VARCHAR, created_at DATETIME,
          PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
    ]

    /// The refund journal's new columns, review flags and approvals as tables, and the hot-query indexes.
    ///
    /// `status` defaults to `succeeded`: every row the legacy service wrote (before or after this migration)
    /// records a refund Stripe already made. Legacy flag rows move to `review_flags` under the same id; those
    /// whose order no longer exists (SQLAlchemy never enforced foreign keys) stay where they are, since a flag
    /// must point at an order. `UNIQUE` cannot be added by `ALTER TABLE`, so the idempotency key gets a unique index.
    static let version2 = [
        "ALTER TABLE refund_log ADD COLUMN currency VARCHAR",
        "ALTER TABLE refund_log ADD COLUMN note VARCHAR",
        """
        ALTER TABLE refund_log ADD COLUMN status VARCHAR(9) NOT NULL DEFAULT 'succeeded'
          CHECK (status IN ('pending', 'succeeded', 'failed'))
        """,
        "ALTER TABLE refund_log ADD COLUMN idempotency_key VARCHAR",
        "ALTER TABLE refund_log ADD COLUMN approved_via VARCHAR",
        "ALTER TABLE refund_log ADD COLUMN error VARCHAR",
        "ALTER TABLE refund_log ADD COLUMN completed_at DATETIME",
        """
        UPDATE refund_log SET currency = (SELECT COALESCE(orders.currency, 'usd') FROM orders
          WHERE orders.id = refund_log.order_id)
        """,
        """
        CREATE TABLE review_flags (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, stripe_charge_id VARCHAR,
          note VARCHAR NOT NULL, flagged_by VARCHAR NOT NULL, created_at DATETIME NOT NULL,
          PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
        """
        CREATE TABLE refund_approvals (token VARCHAR NOT NULL, order_id VARCHAR NOT NULL,
          amount_cents INTEGER NOT NULL, currency VARCHAR NOT NULL, reason VARCHAR NOT NULL, note VARCHAR,
          expires_at DATETIME NOT NULL, used_at DATETIME, outcome VARCHAR,
          PRIMARY KEY (token), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
        """
        INSERT INTO review_flags (id, order_id, stripe_charge_id, note, flagged_by, created_at)
        SELECT r.id, r.order_id, o.stripe_charge_id, ltrim(substr(r.reason, \(legacyFlagPrefix.count + 1)), ' '),
          COALESCE(r.refunded_by, 'unknown'), COALESCE(r.created_at, o.created_at, '1970-01-01 00:00:00.000000')
        FROM refund_log AS r JOIN orders AS o ON o.id = r.order_id
        WHERE r.amount_cents = 0 AND substr(r.reason, 1, \(legacyFlagPrefix.count)) = '\(legacyFlagPrefix)'
        """,
        "DELETE FROM refund_log WHERE id IN (SELECT id FROM review_flags)",
        "CREATE UNIQUE INDEX ix_refund_log_idempotency_key ON refund_log (idempotency_key)",
        "CREATE INDEX ix_refund_log_order_status ON refund_log (order_id, status, amount_cents)",
        "CREATE INDEX ix_refund_log_pending ON refund_log (created_at, id) WHERE status = 'pending'",
        "CREATE INDEX ix_orders_customer_created ON orders (customer_id, created_at, id)",
        // Covers the revenue query: a date range scan never touches the table.
        "CREATE INDEX ix_orders_created_covering ON orders (created_at, currency, amount_cents, id)",
        "CREATE INDEX ix_orders_stripe_charge_id ON orders (stripe_charge_id)",
        // The UNIQUE (email) index compares exactly; lookups and completion compare case-insensitively.
        "CREATE INDEX ix_customers_email_nocase ON customers (email COLLATE NOCASE)",
        "CREATE INDEX ix_review_flags_order ON review_flags (order_id, created_at)",
        "CREATE INDEX ix_refund_approvals_order ON refund_approvals (order_id)",
    ]

    /// Each order's succeeded refunds as a column kept by triggers, and the index that makes revenue one range scan
    /// per currency.
    ///
    /// Summing `refund_log` per order at query time cost most of a second over a million orders. Triggers keep
    /// `refunded_cents` right whoever writes the journal: other systems write this database too. Each trigger sets
    /// the sum afresh from the journal instead of adding or subtracting a difference, so a write that skips a
    /// trigger (`INSERT OR REPLACE` deletes the row it replaces without firing delete triggers) is corrected by
    /// the next one on that order. An order written after its refunds, or replaced by `INSERT OR REPLACE`, gets its
    /// sum too. The index starts with the currency, so the totals come out already grouped; it replaces the one by
    /// time, which only revenue used.
    static let version3 = [
        "DROP INDEX ix_orders_created_covering",
        "ALTER TABLE orders ADD COLUMN refunded_cents INTEGER NOT NULL DEFAULT 0",
        """
        UPDATE orders SET refunded_cents = \(succeededSum)
          WHERE id IN (SELECT order_id FROM refund_log WHERE status = 'succeeded')
        """,
        "CREATE INDEX ix_orders_currency_created ON orders (currency, created_at, amount_cents, refunded_cents)",
        """
        CREATE TRIGGER refund_log_after_insert AFTER INSERT ON refund_log BEGIN
          UPDATE orders SET refunded_cents = \(succeededSum) WHERE id = NEW.order_id;
        END
        """,
        """
        CREATE TRIGGER refund_log_after_update AFTER UPDATE OF order_id, amount_cents, status ON refund_log BEGIN
          UPDATE orders SET refunded_cents = \(succeededSum) WHERE id IN (OLD.order_id, NEW.order_id);
        END
        """,
        """
        CREATE TRIGGER refund_log_after_delete AFTER DELETE ON refund_log BEGIN
          UPDATE orders SET refunded_cents = \(succeededSum) WHERE id = OLD.order_id;
        END
        """,
        """
        CREATE TRIGGER orders_after_insert AFTER INSERT ON orders
          WHEN EXISTS (SELECT 1 FROM refund_log WHERE order_id = NEW.id) BEGIN
          UPDATE orders SET refunded_cents = \(succeededSum) WHERE id = NEW.id;
        END
        """,
    ]

    /// Each order's pending refunds as a column kept by the same triggers, so an order-history page reads them
    /// with its rows.
    ///
    /// Summing them per listed order at query time was an index seek per order, and reading every pending row of
    /// the journal grows with a backlog that Stripe's slow refunds can keep for days. Version 3's triggers are
    /// replaced by ones that set both sums, and saturate where version 3's failed: an impossible sum that other
    /// systems' rows add up to must not stop every later write to the order (settling its refunds included), nor
    /// this migration. As in version 3, a journal row that `INSERT OR REPLACE` moves to another order leaves the
    /// first order's sums as they were until its next journal write.
    static let version4 = [
        "ALTER TABLE orders ADD COLUMN pending_refund_cents INTEGER NOT NULL DEFAULT 0",
        """
        UPDATE orders SET pending_refund_cents = \(saturatingSum(ofStatus: "pending"))
          WHERE id IN (SELECT order_id FROM refund_log WHERE status = 'pending')
        """,
        "DROP TRIGGER IF EXISTS refund_log_after_insert",
        "DROP TRIGGER IF EXISTS refund_log_after_update",
        "DROP TRIGGER IF EXISTS refund_log_after_delete",
        "DROP TRIGGER IF EXISTS orders_after_insert",
        """
        CREATE TRIGGER refund_log_after_insert AFTER INSERT ON refund_log BEGIN
          UPDATE orders SET \(bothSums) WHERE id = NEW.order_id;
        END
        """,
        """
        CREATE TRIGGER refund_log_after_update AFTER UPDATE OF order_id, amount_cents, status ON refund_log BEGIN
          UPDATE orders SET \(bothSums) WHERE id IN (OLD.order_id, NEW.order_id);
        END
        """,
        """
        CREATE TRIGGER refund_log_after_delete AFTER DELETE ON refund_log BEGIN
          UPDATE orders SET \(bothSums) WHERE id = OLD.order_id;
        END
        """,
        """
        CREATE TRIGGER orders_after_insert AFTER INSERT ON orders
          WHEN EXISTS (SELECT 1 FROM refund_log WHERE order_id = NEW.id) BEGIN
          UPDATE orders SET \(bothSums) WHERE id = NEW.id;
        END
        """,
    ]

    /// The index that pages a customer's orders made covering: it holds every column an order-history page reads,
    /// so a page is one index range without a seek into the table per order (a tenth of a page's instructions).
    ///
    /// It replaces `ix_orders_customer_created`, whose columns it begins with, and is about a quarter larger: 23 MB
    /// more on a million orders. Building it takes about three seconds there, once, on the first start after the
    /// upgrade.
    static let version5 = [
        "DROP INDEX IF EXISTS ix_orders_customer_created",
        """
        CREATE INDEX ix_orders_customer_history ON orders (customer_id, created_at, id, stripe_charge_id,
          amount_cents, currency, status, refunded_cents, pending_refund_cents)
        """,
    ]

    /// The succeeded refunds of the order being updated, read through `ix_refund_log_order_status` (version 3).
    private static let succeededSum = """
        (SELECT COALESCE(SUM(amount_cents), 0) FROM refund_log \
        WHERE refund_log.order_id = orders.id AND refund_log.status = 'succeeded')
        """

    /// Both kept sums, set afresh from the journal.
    private static let bothSums = """
        refunded_cents = \(saturatingSum(ofStatus: "succeeded")), \
        pending_refund_cents = \(saturatingSum(ofStatus: "pending"))
        """

    /// The sum of the journal rows in `status` of the order being updated, read through
    /// `ix_refund_log_order_status`, saturating at the integer limits instead of failing with "integer overflow".
    ///
    /// SQLite's `total()` never fails; it adds in double precision, which is exact for every sum up to 2^53 cents
    /// (90 trillion dollars), and the cast clamps anything beyond to the integer limits, which `RefundPlan` reads
    /// as nothing refundable. Below that bound, that is every real sum, the result is the integer `sum()` gives.
    private static func saturatingSum(ofStatus status: String) -> String {
        """
        (SELECT CAST(TOTAL(amount_cents) AS INTEGER) FROM refund_log \
        WHERE refund_log.order_id = orders.id AND refund_log.status = '\(status)')
        """
    }
}
