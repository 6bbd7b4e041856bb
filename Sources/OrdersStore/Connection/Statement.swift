import CSQLite

/// A prepared statement; owns its `sqlite3_stmt` and finalizes it in `deinit`.
///
/// Not `Sendable`: it belongs to one `Database`, which serializes every use.
final class Statement {
    private let handle: OpaquePointer
    /// The connection, for error messages. The `Database` finalizes its statements before closing it.
    private let connection: OpaquePointer
    /// The SQL text, kept for errors (placeholders only, never bound values).
    let sql: String
    /// Result column positions by name, read from SQLite the first time a row of this statement is read by name.
    private var positionsByName: [String: Int32]?
    /// Where each `RowColumns` type's columns sit in this statement's result, resolved once per type.
    private var layouts: [ObjectIdentifier: [Int32]] = [:]

    init(connection: OpaquePointer, sql: String) throws {
        var prepared: OpaquePointer?
        var remainder = ""
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(connection, text, -1, &prepared, &tail)
            remainder = tail.map { String(cString: $0) } ?? ""
            return code
        }
        guard code == SQLITE_OK, let prepared else {
            throw SQLiteError(connection: connection, sql: sql)
        }
        // SQLite compiles only the first statement; running the rest silently never would be a trap.
        guard remainder.allSatisfy(\.isWhitespace) else {
            sqlite3_finalize(prepared)
            throw SQLiteError(resultCode: SQLITE_MISUSE, message: "one statement at a time, please", sql: sql)
        }
        self.handle = prepared
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds the arguments to placeholders 1…n.
    func bind(_ arguments: [any SQLBindable]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw SQLiteError(
                resultCode: SQLITE_RANGE,
                message: "statement has \(expected) placeholders but \(arguments.count) arguments were given",
                sql: sql
            )
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.sqlValue {
            case .integer(let value): code = sqlite3_bind_int64(handle, index, Int64(value))
            case .text(let value):
                // An explicit byte length, so text with an embedded NUL is stored whole.
                let length = UInt64(value.utf8.count)
                let encoding = UInt8(SQLITE_UTF8)
                code = sqlite3_bind_text64(handle, index, value, length, payment_ops_sqlite_transient(), encoding)
            case .null: code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw SQLiteError(connection: connection, sql: sql) }
        }
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(connection: connection, sql: sql)
        }
    }

    /// Makes the statement ready for its next use and drops the bound values.
    func reset() {
        // The result only repeats the error `step` already reported.
        _ = sqlite3_reset(handle)
        _ = sqlite3_clear_bindings(handle)
    }

    /// The current row; valid until the next `step` or `reset`.
    var row: Row { Row(statement: self) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    /// The column as text; nil for NULL.
    func text(_ column: Int32) -> String? {
        withText(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// Lends the column's UTF-8 bytes to `body`, valid only while it runs, without making a string of them; nil
    /// for NULL, which SQLite gives as no text at all (an empty string is an empty buffer), so no type check is
    /// needed first.
    func withText<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        // Read by byte count rather than up to the first NUL, so stored text comes back whole.
        return body(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
    }

    func columnName(_ column: Int32) -> String {
        sqlite3_column_name(handle, column).map { String(cString: $0) } ?? "column \(column)"
    }

    /// The position of the result column with this name (its `AS` alias, or the table column's own name).
    ///
    /// The names are read from SQLite once per prepared statement; when two result columns share a name, the
    /// first one counts.
    /// - Throws: `StoreError` of kind `.missingColumn` when the result has no column of that name.
    func position(ofColumn name: String) throws -> Int32 {
        let positions = positionsByName ?? readPositions()
        guard let position = positions[name] else { throw StoreError.missingColumn(name, sql: sql) }
        return position
    }

    /// The positions of `Columns`' cases in this statement's result, by case; resolved by name on first use and
    /// kept with the statement, so reading each row costs no name lookup.
    func layout<Columns: RowColumns>(of type: Columns.Type) throws -> [Int32] {
        if let layout = layouts[ObjectIdentifier(type)] { return layout }
        let layout = try Columns.allCases.map { try position(ofColumn: $0.name) }
        layouts[ObjectIdentifier(type)] = layout
        return layout
    }

    private func readPositions() -> [String: Int32] {
        var positions: [String: Int32] = [:]
        for column in 0..<sqlite3_column_count(handle) where positions[columnName(column)] == nil {
            positions[columnName(column)] = column
        }
        positionsByName = positions
        return positions
    }
}
