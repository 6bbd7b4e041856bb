extension Schema {
    /// Second approvals: refunds above their currency's limit wait in `refund_requests` for another person, the
    /// journal records who gave the second approval, and a confirmation token can be bound to the request it
    /// approves.
    ///
    /// `decided_at` is NULL while a request waits; deciding it is one conditional UPDATE on that column, so a
    /// request is decided once. The partial index serves the list of pending requests, which stays short however
    /// many have been decided.
    static let version7 = [
        """
        CREATE TABLE refund_requests (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, amount_cents INTEGER NOT NULL,
          currency VARCHAR NOT NULL, reason VARCHAR NOT NULL, note VARCHAR, requested_by VARCHAR NOT NULL,
          created_at DATETIME NOT NULL, expires_at DATETIME NOT NULL, decided_by VARCHAR,
          decision VARCHAR(7) CHECK (decision IN ('approve', 'reject')), decision_note VARCHAR, decided_at DATETIME,
          PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
        "CREATE INDEX ix_refund_requests_pending ON refund_requests (created_at, id) WHERE decided_at IS NULL",
        "CREATE INDEX ix_refund_requests_order ON refund_requests (order_id)",
        "ALTER TABLE refund_log ADD COLUMN approved_by VARCHAR",
        "ALTER TABLE refund_approvals ADD COLUMN refund_request_id VARCHAR",
    ]
}
