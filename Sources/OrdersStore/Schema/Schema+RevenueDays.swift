extension Schema {
    /// The per-day rollup `revenue_summary` reads: orders, gross and refunded per UTC day and currency, kept by
    /// triggers in the same transaction as every change it sums, so a two-year range reads at most 730 rows per
    /// currency instead of every order.
    ///
    /// What it sums is exactly what the row scan it replaces read: an order counts when its `created_at` is text
    /// (NULL, numbers and blobs never fall in a date range), under the day its first ten characters name (text
    /// ranges over `created_at` and over that prefix select the same orders), in its currency, `usd` when it has
    /// none; its `amount_cents`, and its `refunded_cents`, which version 4's triggers keep from the journal. Any
    /// journal change reaches the rollup through that column.
    ///
    /// The triggers add and subtract differences while the sums stay well inside the range where integers and
    /// doubles agree (±2^52); a day that leaves it, or a value that is not an integer, is summed afresh from its
    /// orders, saturating at the integer limits as version 4's sums do. So an absurd amount written by another
    /// system never makes a write fail and never leaves an error behind once it is gone.
    ///
    /// `INSERT OR REPLACE` deletes the order it replaces without firing delete triggers (unless the writer turned on
    /// `recursive_triggers`). A BEFORE INSERT trigger notes the order with the same id in `revenue_days_replaced`,
    /// and an AFTER INSERT trigger takes it out of its day; an insert that is ignored, fails or becomes an upsert
    /// fires no AFTER INSERT trigger, and its note is discarded by the next insert. Not covered: a REPLACE that
    /// conflicts on an explicitly given `rowid` rather than on `id`, and `UPDATE OR REPLACE` of an order's `id`
    /// onto another order's; other systems have no reason to write either.
    static let version6 = [
        """
        CREATE TABLE revenue_days (day TEXT NOT NULL, currency TEXT NOT NULL, orders INTEGER NOT NULL,
          gross_cents INTEGER NOT NULL, refunded_cents INTEGER NOT NULL, PRIMARY KEY (day, currency)) WITHOUT ROWID
        """,
        """
        CREATE TABLE revenue_days_replaced (order_id TEXT NOT NULL PRIMARY KEY, day TEXT NOT NULL,
          currency TEXT NOT NULL, amount_cents INTEGER, refunded_cents INTEGER) WITHOUT ROWID
        """,
        // One set-based pass; the triggers come after it, so the backfill does no per-row trigger work.
        """
        INSERT INTO revenue_days (day, currency, orders, gross_cents, refunded_cents)
        SELECT substr(created_at, 1, 10), COALESCE(currency, 'usd'), COUNT(*), CAST(TOTAL(amount_cents) AS INTEGER),
          CAST(TOTAL(refunded_cents) AS INTEGER)
        FROM orders WHERE typeof(created_at) = 'text' GROUP BY 1, 2
        """,
        """
        CREATE TRIGGER orders_revenue_before_insert BEFORE INSERT ON orders
          WHEN EXISTS (SELECT 1 FROM revenue_days_replaced) OR EXISTS (SELECT 1 FROM orders WHERE id = NEW.id) BEGIN
          DELETE FROM revenue_days_replaced;
          INSERT INTO revenue_days_replaced (order_id, day, currency, amount_cents, refunded_cents)
          SELECT id, substr(created_at, 1, 10), COALESCE(currency, 'usd'), amount_cents, refunded_cents FROM orders
          WHERE id = NEW.id AND typeof(created_at) = 'text';
        END
        """,
        """
        CREATE TRIGGER orders_revenue_after_insert AFTER INSERT ON orders BEGIN
          \(added("NEW"))
        END
        """,
        // Created after `orders_revenue_after_insert` so that SQLite, which fires the newest trigger first, takes
        // the replaced order out before the new one is added: a day summed afresh then counts each exactly once.
        """
        CREATE TRIGGER orders_revenue_after_replace AFTER INSERT ON orders
          WHEN EXISTS (SELECT 1 FROM revenue_days_replaced WHERE order_id = NEW.id) BEGIN
          UPDATE revenue_days SET orders = orders - 1,
            gross_cents = \(adjusted("gross_cents", by: "-replaced.amount_cents", excluding: "NEW.rowid")),
            refunded_cents = \(adjusted("refunded_cents", by: "-replaced.refunded_cents", excluding: "NEW.rowid"))
          FROM revenue_days_replaced AS replaced
          WHERE replaced.order_id = NEW.id AND revenue_days.day = replaced.day
            AND revenue_days.currency = replaced.currency;
          DELETE FROM revenue_days_replaced WHERE order_id = NEW.id;
        END
        """,
        """
        CREATE TRIGGER orders_revenue_after_update AFTER UPDATE OF amount_cents, currency, created_at, refunded_cents
          ON orders
          WHEN OLD.amount_cents IS NOT NEW.amount_cents OR OLD.currency IS NOT NEW.currency
            OR OLD.created_at IS NOT NEW.created_at OR OLD.refunded_cents IS NOT NEW.refunded_cents BEGIN
          UPDATE revenue_days SET
            gross_cents = \(adjusted("gross_cents", by: "NEW.amount_cents - OLD.amount_cents")),
            refunded_cents = \(adjusted("refunded_cents", by: "NEW.refunded_cents - OLD.refunded_cents"))
          WHERE \(sameDay) AND \(dayKey("NEW"));
          \(subtracted("OLD", when: "NOT (\(sameDay))"))
          \(added("NEW", when: "NOT (\(sameDay))"))
        END
        """,
        """
        CREATE TRIGGER orders_revenue_after_delete AFTER DELETE ON orders BEGIN
          \(subtracted("OLD"))
        END
        """,
    ]

    /// Adds the order `row` (`NEW`) to its day, creating the day's row when it is the first.
    private static func added(_ row: String, when condition: String = "1") -> String {
        """
        INSERT INTO revenue_days (day, currency, orders, gross_cents, refunded_cents)
          SELECT substr(\(row).created_at, 1, 10), COALESCE(\(row).currency, 'usd'), 1, \(row).amount_cents,
            \(row).refunded_cents
          WHERE typeof(\(row).created_at) = 'text' AND \(condition)
          ON CONFLICT (day, currency) DO UPDATE SET orders = orders + 1,
            gross_cents = \(adjusted("gross_cents", by: "excluded.gross_cents")),
            refunded_cents = \(adjusted("refunded_cents", by: "excluded.refunded_cents"));
        """
    }

    /// Takes the order `row` (`OLD`) out of its day.
    private static func subtracted(_ row: String, when condition: String = "1") -> String {
        """
        UPDATE revenue_days SET orders = orders - 1,
            gross_cents = \(adjusted("gross_cents", by: "-\(row).amount_cents")),
            refunded_cents = \(adjusted("refunded_cents", by: "-\(row).refunded_cents"))
          WHERE typeof(\(row).created_at) = 'text' AND \(dayKey(row)) AND \(condition);
        """
    }

    /// Whether an update left the order in the day and currency it was in.
    private static let sameDay = """
        typeof(OLD.created_at) = 'text' AND typeof(NEW.created_at) = 'text' \
        AND substr(OLD.created_at, 1, 10) = substr(NEW.created_at, 1, 10) \
        AND COALESCE(OLD.currency, 'usd') = COALESCE(NEW.currency, 'usd')
        """

    /// The `revenue_days` row of the order `row`.
    private static func dayKey(_ row: String) -> String {
        "revenue_days.day = substr(\(row).created_at, 1, 10) AND revenue_days.currency = COALESCE(\(row).currency, 'usd')"
    }

    /// The largest magnitude of a sum or a difference that is added as it is: two of them add up to at most 2^53,
    /// so the result is exact whether SQLite or a double holds it.
    private static let exactLimit = "4503599627370496"

    /// `column` of the `revenue_days` row being updated, changed by `delta`; summed afresh from the day's orders
    /// when either is not an integer or is too large to add exactly (SQLite turns an overflowing integer
    /// difference into a real, which lands here too).
    ///
    /// `excluding` names an order that is in the table but not yet in the rollup, so a fresh sum must leave it out
    /// for the statement after it to add it.
    private static func adjusted(_ column: String, by delta: String, excluding: String? = nil) -> String {
        let limit = exactLimit
        return """
            CASE WHEN typeof(revenue_days.\(column)) = 'integer' AND typeof(\(delta)) = 'integer'
              AND revenue_days.\(column) BETWEEN -\(limit) AND \(limit) AND (\(delta)) BETWEEN -\(limit) AND \(limit)
            THEN revenue_days.\(column) + (\(delta))
            ELSE \(daySum(column == "gross_cents" ? "amount_cents" : column, excluding: excluding)) END
            """
    }

    /// The saturating sum of the orders' `column` over the day and currency of the `revenue_days` row being
    /// updated; legacy orders without a currency are `usd`'s.
    private static func daySum(_ column: String, excluding: String?) -> String {
        let others = excluding.map { " AND o.rowid IS NOT \($0)" } ?? ""
        let day = "o.created_at >= revenue_days.day AND substr(o.created_at, 1, 10) = revenue_days.day\(others)"
        return """
            CAST((SELECT TOTAL(o.\(column)) FROM orders AS o WHERE o.currency = revenue_days.currency AND \(day))
              + (SELECT TOTAL(o.\(column)) FROM orders AS o
                 WHERE revenue_days.currency = 'usd' AND o.currency IS NULL AND \(day)) AS INTEGER)
            """
    }
}
