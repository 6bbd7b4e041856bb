extension ReviewFlag: RowDecodable {
    static let columns = "id, order_id, stripe_charge_id, note, flagged_by, created_at"

    init(row: Row) throws {
        self.init(
            id: try row.string(0),
            orderID: try row.string(1),
            paymentIntentID: row.optionalString(2),
            note: try row.string(3),
            flaggedBy: try row.string(4),
            createdAt: try row.date(5)
        )
    }
}

extension Database {
    /// Inserts a review flag; an unknown order throws a foreign-key `SQLiteError`.
    public func insertReviewFlag(_ flag: ReviewFlag) throws {
        try execute(
            "INSERT INTO review_flags (\(ReviewFlag.columns)) VALUES (?, ?, ?, ?, ?, ?)",
            [flag.id, flag.orderID, flag.paymentIntentID, flag.note, flag.flaggedBy, flag.createdAt]
        )
    }

    /// An order's review flags, oldest first.
    public func reviewFlags(orderID: String) throws -> [ReviewFlag] {
        try fetchAll(ReviewFlag.self, "FROM review_flags WHERE order_id = ? ORDER BY created_at, id", [orderID])
    }
}
