public import FoundationEssentials

/// The current row of a query, read by column name (`row.string("email")`), or by position for a one-value query
/// such as `SELECT COUNT(*)`.
///
/// Valid only inside the closure that receives it: the statement moves on afterwards. A name is resolved to a
/// position once per prepared statement; a name the result lacks throws `StoreError` of kind `.missingColumn`.
/// Reads throw `StoreError.invalidStoredValue` naming the column (never the value) when NULL or unreadable text
/// sits where the type needs a value.
public struct Row {
    private let statement: Statement

    init(statement: Statement) {
        self.statement = statement
    }

    /// An INTEGER column that must not be NULL.
    public func int(_ name: String) throws -> Int {
        try int(statement.position(ofColumn: name))
    }

    /// An INTEGER column, nil for NULL.
    public func optionalInt(_ name: String) throws -> Int? {
        optionalInt(try statement.position(ofColumn: name))
    }

    /// A TEXT column that must not be NULL.
    public func string(_ name: String) throws -> String {
        try string(statement.position(ofColumn: name))
    }

    /// A TEXT column, nil for NULL.
    public func optionalString(_ name: String) throws -> String? {
        optionalString(try statement.position(ofColumn: name))
    }

    /// A timestamp column (see `StoreTimestamp`) that must not be NULL.
    public func date(_ name: String) throws -> Date {
        try date(statement.position(ofColumn: name))
    }

    /// A timestamp column, nil for NULL; unreadable text throws.
    public func optionalDate(_ name: String) throws -> Date? {
        try optionalDate(statement.position(ofColumn: name))
    }

    /// The INTEGER at a position (0-based, in the order of the SELECT list) that must not be NULL.
    public func int(_ column: Int32) throws -> Int {
        guard let value = optionalInt(column) else { throw invalid(column) }
        return value
    }

    /// The INTEGER at a position, nil for NULL.
    public func optionalInt(_ column: Int32) -> Int? {
        statement.isNull(column) ? nil : statement.int(column)
    }

    /// The TEXT at a position that must not be NULL.
    public func string(_ column: Int32) throws -> String {
        guard let value = optionalString(column) else { throw invalid(column) }
        return value
    }

    /// The TEXT at a position, nil for NULL.
    public func optionalString(_ column: Int32) -> String? {
        statement.text(column)
    }

    /// The timestamp at a position that must not be NULL.
    public func date(_ column: Int32) throws -> Date {
        guard let value = try optionalDate(column) else { throw invalid(column) }
        return value
    }

    /// The timestamp at a position, nil for NULL; unreadable text throws.
    public func optionalDate(_ column: Int32) throws -> Date? {
        // Parsed from SQLite's own bytes: a page of orders has a timestamp per row, and a string of each cost more
        // than the parsing.
        guard let parsed = statement.withText(column, StoreTimestamp.date(fromUTF8:)) else { return nil }
        guard let date = parsed else { throw invalid(column) }
        return date
    }

    /// The row read through a decoder's column enum, its names resolved once per prepared statement.
    func columns<Columns: RowColumns>(_ type: Columns.Type) throws -> ColumnReader<Columns> {
        ColumnReader(row: self, positions: try statement.layout(of: type))
    }

    private func invalid(_ column: Int32) -> StoreError {
        StoreError.invalidStoredValue(column: statement.columnName(column))
    }
}

/// The columns a decoder reads, one case each, named as its SELECT list names them.
///
/// Cases take the raw values 0, 1, 2… that Swift gives them by default, so a case is its own slot in the resolved
/// positions: reading a row compares no names, and the order of the SELECT list can change freely.
protocol RowColumns: RawRepresentable, CaseIterable where RawValue == Int {
    /// The result column's name: the table column's own, or the `AS` alias the SELECT list gives it.
    var name: String { get }
}

/// One row read through `Columns`: each read goes straight to the position resolved for its case.
struct ColumnReader<Columns: RowColumns> {
    let row: Row
    let positions: [Int32]

    func int(_ column: Columns) throws -> Int { try row.int(positions[column.rawValue]) }

    func string(_ column: Columns) throws -> String { try row.string(positions[column.rawValue]) }

    func optionalString(_ column: Columns) -> String? { row.optionalString(positions[column.rawValue]) }

    func date(_ column: Columns) throws -> Date { try row.date(positions[column.rawValue]) }

    func optionalDate(_ column: Columns) throws -> Date? { try row.optionalDate(positions[column.rawValue]) }

    /// A TEXT column holding one of an enum's raw values.
    func value<Value: RawRepresentable>(_ column: Columns, as type: Value.Type) throws -> Value
    where Value.RawValue == String {
        let position = positions[column.rawValue]
        guard let value = Value(rawValue: try row.string(position)) else {
            throw StoreError.invalidStoredValue(column: column.name)
        }
        return value
    }
}

/// A type decoded from one row of a SELECT over its `columns`.
protocol RowDecodable {
    /// The SELECT list; `init(row:)` reads it by name, in any order.
    static var columns: String { get }
    /// Decodes one row.
    init(row: Row) throws
}
