import FoundationEssentials

/// The current row of a query, read by column index (0-based, in the order of the SELECT list).
///
/// Valid only inside the closure that receives it: the statement moves on afterwards. Reads throw
/// `StoreError.invalidStoredValue` naming the column (never the value) when NULL or unreadable text
/// sits where the type needs a value.
public struct Row {
    private let statement: Statement

    init(statement: Statement) {
        self.statement = statement
    }

    /// An INTEGER column that must not be NULL.
    public func int(_ column: Int32) throws -> Int {
        guard let value = optionalInt(column) else { throw invalid(column) }
        return value
    }

    /// An INTEGER column, nil for NULL.
    public func optionalInt(_ column: Int32) -> Int? {
        statement.isNull(column) ? nil : statement.int(column)
    }

    /// A TEXT column that must not be NULL.
    public func string(_ column: Int32) throws -> String {
        guard let value = optionalString(column) else { throw invalid(column) }
        return value
    }

    /// A TEXT column, nil for NULL.
    public func optionalString(_ column: Int32) -> String? {
        statement.text(column)
    }

    /// A timestamp column (see `StoreTimestamp`) that must not be NULL.
    public func date(_ column: Int32) throws -> Date {
        guard let value = try optionalDate(column) else { throw invalid(column) }
        return value
    }

    /// A timestamp column, nil for NULL; unreadable text throws.
    public func optionalDate(_ column: Int32) throws -> Date? {
        // Parsed from SQLite's own bytes: a page of orders has a timestamp per row, and a string of each cost more
        // than the parsing.
        guard let parsed = statement.withText(column, StoreTimestamp.date(fromUTF8:)) else { return nil }
        guard let date = parsed else { throw invalid(column) }
        return date
    }

    /// A TEXT column holding one of an enum's raw values.
    public func value<Value: RawRepresentable>(_ column: Int32, as type: Value.Type) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try string(column)) else { throw invalid(column) }
        return value
    }

    private func invalid(_ column: Int32) -> StoreError {
        StoreError.invalidStoredValue(column: statement.columnName(column))
    }
}

/// A type decoded from one row of a SELECT over its `columns`.
protocol RowDecodable {
    /// The SELECT list, in the order `init(row:)` reads it.
    static var columns: String { get }
    /// Decodes one row.
    init(row: Row) throws
}
