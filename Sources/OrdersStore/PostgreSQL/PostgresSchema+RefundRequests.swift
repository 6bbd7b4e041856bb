extension PostgresSchema {
    /// Second approvals, as SQLite's version 7 (`Schema.version7`): `refund_requests`, `refund_log.approved_by` and
    /// `refund_approvals.refund_request_id`, with PostgreSQL's timestamp type.
    ///
    /// It depends on nothing version 6 (the revenue rollup) adds, so the two apply in either order of writing;
    /// the list of migrations holds them in version order.
    static let version7 = [
        """
        CREATE TABLE refund_requests (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, amount_cents INTEGER NOT NULL,
          currency VARCHAR NOT NULL, reason VARCHAR NOT NULL, note VARCHAR, requested_by VARCHAR NOT NULL,
          created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, expires_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
          decided_by VARCHAR, decision VARCHAR(7) CHECK (decision IN ('approve', 'reject')), decision_note VARCHAR,
          decided_at TIMESTAMP WITHOUT TIME ZONE, PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
        "CREATE INDEX ix_refund_requests_pending ON refund_requests (created_at, id) WHERE decided_at IS NULL",
        "CREATE INDEX ix_refund_requests_order ON refund_requests (order_id)",
        "ALTER TABLE refund_log ADD COLUMN approved_by VARCHAR",
        "ALTER TABLE refund_approvals ADD COLUMN refund_request_id VARCHAR",
    ]
}
