/// Opens the orders database a `DATABASE_URL` names, on the engine its scheme names.
public enum OrdersStores {
    /// Opens the database and checks that this binary can use it, without migrating it.
    ///
    /// For SQLite that creates a missing file and refuses one whose schema is newer than this binary.
    /// - Throws: `StoreError` naming the problem.
    public static func open(url: String) throws -> any OrdersStore {
        try SQLiteStore(url: url, migrating: false)
    }
}
