extension ReviewFlag {
    /// The SELECT list `init(postgres:)` reads.
    static let postgresColumns = "id, order_id, stripe_charge_id, note, flagged_by, created_at"

    /// Decodes a row of `review_flags` by column name.
    init(postgres row: PostgresRow) throws {
        self.init(
            id: try row.string("id"),
            orderID: try row.string("order_id"),
            paymentIntentID: try row.optionalString("stripe_charge_id"),
            note: try row.string("note"),
            flaggedBy: try row.string("flagged_by"),
            createdAt: try row.date("created_at")
        )
    }
}

extension PostgresTransaction {
    /// Inserts a review flag; an unknown order throws a foreign-key `PostgresError`.
    public func insertReviewFlag(_ flag: ReviewFlag) throws {
        try execute(
            "INSERT INTO review_flags (\(ReviewFlag.postgresColumns)) VALUES ($1, $2, $3, $4, $5, $6)",
            [flag.id, flag.orderID, flag.paymentIntentID, flag.note, flag.flaggedBy, flag.createdAt]
        )
    }

    /// An order's review flags, oldest first.
    public func reviewFlags(orderID: String) throws -> [ReviewFlag] {
        try fetchAll(
            "SELECT \(ReviewFlag.postgresColumns) FROM review_flags WHERE order_id = $1 ORDER BY created_at, id",
            [orderID], ReviewFlag.init(postgres:))
    }
}
