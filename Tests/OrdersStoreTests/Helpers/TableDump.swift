@testable import OrdersStore

extension Database {
    /// Every row of `table` as text (`quote()` of each column, so NULL and '' differ), ordered by `orderBy`.
    func dump(_ table: String, columns: [String], orderBy: String = "id") throws -> [String] {
        let quoted = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
        return try fetchAll("SELECT \(quoted) FROM \(table) ORDER BY \(orderBy)") { try $0.string(0) }
    }

    /// The columns of `table` as `PRAGMA table_info` describes them: name, type, not-null, default, key.
    func columnDescriptions(_ table: String) throws -> [String] {
        try fetchAll("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('\(table)')") { row in
            "\(try row.string(0)) \(try row.string(1)) \(try row.int(2)) \(row.optionalString(3) ?? "-") \(try row.int(4))"
        }
    }

    /// The names and SQL of the schema's indexes and tables, sorted, SQLite's automatic ones included.
    func schemaObjects() throws -> [String] {
        try fetchAll("SELECT type || ' ' || name || ' on ' || tbl_name FROM sqlite_master ORDER BY type, name") {
            try $0.string(0)
        }
    }
}
