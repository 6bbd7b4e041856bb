extension ReviewFlag: RowDecodable {
    static let columns = "id, order_id, stripe_charge_id, note, flagged_by, created_at"

    enum Column: Int, RowColumns {
        case id, orderID, paymentIntentID, note, flaggedBy, createdAt

        var name: String {
            switch self {
            case .id: "id"
            case .orderID: "order_id"
            case .paymentIntentID: "stripe_charge_id"
            case .note: "note"
            case .flaggedBy: "flagged_by"
            case .createdAt: "created_at"
            }
        }
    }

    init(row: Row) throws {
        let row = try row.columns(Column.self)
        self.init(
            id: try row.string(.id),
            orderID: try row.string(.orderID),
            paymentIntentID: row.optionalString(.paymentIntentID),
            note: try row.string(.note),
            flaggedBy: try row.string(.flaggedBy),
            createdAt: try row.date(.createdAt)
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
