extension PostgresSchema {
    /// The per-day rollup `revenue_summary` reads (SQLite's version 6): orders, gross and refunded per UTC day and
    /// currency, kept by triggers in the same transaction as every change it sums, so a two-year range reads at
    /// most 730 rows per currency instead of every order.
    ///
    /// The same definitions as SQLite's: an order counts when it has a `created_at` (a `TIMESTAMP` here, so it
    /// always names a day), under that UTC day, in its currency (`usd` when it has none), with its `amount_cents`
    /// and its `refunded_cents`, which version 4's trigger keeps from the journal, so every journal change reaches
    /// the rollup through that column. `day` is a `DATE`: it cannot hold anything but a day, compares in time order
    /// under any collation, and reads back as `YYYY-MM-DD`.
    ///
    /// The triggers are per statement, with transition tables: a statement's inserted, deleted and updated rows
    /// are summed by day and currency and applied with one `INSERT … ON CONFLICT DO UPDATE`, whoever writes —
    /// an `INSERT … ON CONFLICT DO UPDATE` of orders (PostgreSQL's upsert; it has no `INSERT OR REPLACE`) fires
    /// the insert trigger for the rows it inserts and the update trigger for those it updates, `MERGE` likewise,
    /// and `TRUNCATE` empties the rollup. A `COPY` of a million orders is one aggregation, not a million updates.
    ///
    /// Sums saturate at the `BIGINT` limits as the row scan's do: differences are added exactly in `numeric`, and a
    /// day whose sum leaves the range is marked at the limit and then summed afresh from its orders by a second
    /// statement, which runs after the first has locked the day's row, so its snapshot holds every order of that
    /// day another transaction committed. A write never fails because of a sum, and nothing is left behind once
    /// the absurd value is gone.
    static let version6 = [
        """
        CREATE TABLE revenue_days (day DATE NOT NULL, currency VARCHAR NOT NULL, orders BIGINT NOT NULL,
          gross_cents BIGINT NOT NULL, refunded_cents BIGINT NOT NULL, PRIMARY KEY (day, currency))
        """,
        // One set-based pass; the triggers come after it, so the backfill does no trigger work at all.
        """
        INSERT INTO revenue_days (day, currency, orders, gross_cents, refunded_cents)
        SELECT created_at::date, COALESCE(currency, 'usd'), COUNT(*), \(saturated("SUM(amount_cents)")),
          \(saturated("SUM(refunded_cents)"))
        FROM orders WHERE created_at IS NOT NULL GROUP BY 1, 2
        """,
        """
        CREATE FUNCTION payment_ops_revenue_days() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            \(applied(changes: rows("new_orders", sign: "")));
            \(resummed(changes: rows("new_orders", sign: "")));
          ELSIF TG_OP = 'DELETE' THEN
            \(applied(changes: rows("old_orders", sign: "-")));
            \(resummed(changes: rows("old_orders", sign: "-")));
          ELSIF TG_OP = 'UPDATE' THEN
            \(applied(changes: rows("new_orders", sign: "") + " UNION ALL " + rows("old_orders", sign: "-")));
            \(resummed(changes: rows("new_orders", sign: "") + " UNION ALL " + rows("old_orders", sign: "-")));
          ELSE
            DELETE FROM revenue_days;
          END IF;
          RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER orders_revenue_days_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_orders
          FOR EACH STATEMENT EXECUTE FUNCTION payment_ops_revenue_days()
        """,
        """
        CREATE TRIGGER orders_revenue_days_update AFTER UPDATE ON orders
          REFERENCING OLD TABLE AS old_orders NEW TABLE AS new_orders
          FOR EACH STATEMENT EXECUTE FUNCTION payment_ops_revenue_days()
        """,
        """
        CREATE TRIGGER orders_revenue_days_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_orders
          FOR EACH STATEMENT EXECUTE FUNCTION payment_ops_revenue_days()
        """,
        """
        CREATE TRIGGER orders_revenue_days_truncate AFTER TRUNCATE ON orders
          FOR EACH STATEMENT EXECUTE FUNCTION payment_ops_revenue_days()
        """,
    ]

    /// The largest `BIGINT`; its negation less one is the smallest.
    static let bigintMax = "9223372036854775807"

    /// `expression` (an integer or `numeric`) clamped to the `BIGINT` range.
    static func saturated(_ expression: String) -> String {
        "LEAST(GREATEST(\(expression), -\(bigintMax) - 1), \(bigintMax))::bigint"
    }

    /// The orders of a transition table as signed contributions `(day, currency, orders, gross, refunded)`.
    private static func rows(_ table: String, sign: String) -> String {
        """
        SELECT created_at::date AS day, COALESCE(currency, 'usd') AS currency, \(sign)1 AS orders,
          \(sign)amount_cents::numeric AS gross, \(sign)refunded_cents::numeric AS refunded
          FROM \(table) WHERE created_at IS NOT NULL
        """
    }

    /// Adds the summed `changes` to their days, creating a day's row when it gets its first order (a day that has
    /// orders always has a row, so a new row's sums are its orders' alone). A sum that cannot be added exactly is
    /// set to the limit, for `resummed` to sum afresh; a statement that changes no sum (a status, say) writes
    /// nothing.
    private static func applied(changes: String) -> String {
        """
        INSERT INTO revenue_days AS d (day, currency, orders, gross_cents, refunded_cents)
            SELECT day, currency, SUM(orders), \(saturated("SUM(gross)")), \(saturated("SUM(refunded)"))
            FROM (\(changes)) AS changes GROUP BY day, currency
            HAVING SUM(orders) <> 0 OR SUM(gross) <> 0 OR SUM(refunded) <> 0
            ON CONFLICT (day, currency) DO UPDATE SET orders = d.orders + excluded.orders,
              gross_cents = \(added("gross_cents")), refunded_cents = \(added("refunded_cents"))
        """
    }

    /// `column` of the conflicting row plus the excluded row's difference, when both are inside the limits and so
    /// is their sum; otherwise the upper limit, which marks the row for `resummed`.
    private static func added(_ column: String) -> String {
        let lower = "-\(bigintMax) - 1"
        return """
            CASE WHEN d.\(column) > \(lower) AND d.\(column) < \(bigintMax)
              AND excluded.\(column) > \(lower) AND excluded.\(column) < \(bigintMax)
              AND d.\(column)::numeric + excluded.\(column) > \(lower)
              AND d.\(column)::numeric + excluded.\(column) < \(bigintMax)
            THEN d.\(column) + excluded.\(column) ELSE \(bigintMax) END
            """
    }

    /// Sums afresh, saturating, the changed days whose sums sit at a limit.
    private static func resummed(changes: String) -> String {
        """
        UPDATE revenue_days AS d SET gross_cents = \(daySum("amount_cents")),
              refunded_cents = \(daySum("refunded_cents"))
            FROM (SELECT DISTINCT day, currency FROM (\(changes)) AS changes) AS changed
            WHERE d.day = changed.day AND d.currency = changed.currency
              AND (d.gross_cents IN (\(bigintMax), -\(bigintMax) - 1)
                OR d.refunded_cents IN (\(bigintMax), -\(bigintMax) - 1))
        """
    }

    /// The saturating sum of `column` over the orders of the `revenue_days` row being updated, read through
    /// `ix_orders_created_revenue`.
    private static func daySum(_ column: String) -> String {
        """
        (SELECT \(saturated("COALESCE(SUM(o.\(column)), 0)")) FROM orders AS o
              WHERE o.created_at >= d.day AND o.created_at < d.day + 1 AND COALESCE(o.currency, 'usd') = d.currency)
        """
    }
}
