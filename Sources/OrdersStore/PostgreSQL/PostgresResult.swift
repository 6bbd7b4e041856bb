import CLibPQ
public import FoundationEssentials

/// One `PGresult`: owns it and clears it in `deinit`. Not `Sendable`: it lives on the thread that ran its query.
final class PostgresResult {
    private let libpq: LibPQ
    let handle: OpaquePointer

    init(libpq: LibPQ, handle: OpaquePointer) {
        self.libpq = libpq
        self.handle = handle
    }

    deinit { libpq.clear(handle) }

    /// How many rows it holds.
    var rowCount: Int32 { libpq.ntuples(handle) }

    /// How many rows the command changed (`UPDATE 3` → 3); 0 for commands that report none.
    var changedRowCount: Int {
        libpq.cmdTuples(handle).flatMap { Int(String(cString: $0)) } ?? 0
    }

    /// The row at `index`, read by column name.
    func row(_ index: Int32) -> PostgresRow { PostgresRow(result: self, index: index) }

    /// The index of a column by name (as the SELECT list names it), or nil.
    func column(named name: String) -> Int32? {
        let count = libpq.nfields(handle)
        for column in 0..<count where libpq.fname(handle, column).map({ String(cString: $0) }) == name {
            return column
        }
        return nil
    }

    /// The text of a field, nil for NULL; the bytes are valid while the result lives.
    func withText<T>(row: Int32, column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        guard libpq.getisnull(handle, row, column) == 0, let value = libpq.getvalue(handle, row, column) else {
            return nil
        }
        let length = Int(libpq.getlength(handle, row, column))
        return try value.withMemoryRebound(to: UInt8.self, capacity: length) {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}

/// One row of a query's result, read by column name (`row.string("email")`), never by position.
///
/// Valid only inside the closure that receives it. Reads throw `StoreError.invalidStoredValue` naming the column
/// (never the value) when NULL or unreadable text sits where the type needs a value, and when the query has no
/// column of that name.
public struct PostgresRow {
    private let result: PostgresResult
    private let index: Int32

    init(result: PostgresResult, index: Int32) {
        self.result = result
        self.index = index
    }

    /// An integer column that must not be NULL.
    public func int(_ column: String) throws -> Int {
        guard let value = try optionalInt(column) else { throw StoreError.invalidStoredValue(column: column) }
        return value
    }

    /// An integer column, nil for NULL; text that is not an integer throws.
    public func optionalInt(_ column: String) throws -> Int? {
        try text(column) { bytes in
            guard let value = Int(String(decoding: bytes, as: UTF8.self)) else {
                throw StoreError.invalidStoredValue(column: column)
            }
            return value
        }
    }

    /// A text column that must not be NULL.
    public func string(_ column: String) throws -> String {
        guard let value = try optionalString(column) else { throw StoreError.invalidStoredValue(column: column) }
        return value
    }

    /// A text column, nil for NULL.
    public func optionalString(_ column: String) throws -> String? {
        try text(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// A `TIMESTAMP WITHOUT TIME ZONE` column holding UTC that must not be NULL.
    public func date(_ column: String) throws -> Date {
        guard let value = try optionalDate(column) else { throw StoreError.invalidStoredValue(column: column) }
        return value
    }

    /// A timestamp column, nil for NULL. The connection's `DateStyle` is ISO, so the text is
    /// `YYYY-MM-DD HH:MM:SS[.ffffff]`, which `StoreTimestamp` reads.
    public func optionalDate(_ column: String) throws -> Date? {
        try text(column) { bytes in
            guard let date = StoreTimestamp.date(fromUTF8: bytes) else {
                throw StoreError.invalidStoredValue(column: column)
            }
            return date
        }
    }

    /// A text (or enum) column holding one of an enum's raw values.
    public func value<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: try string(column)) else {
            throw StoreError.invalidStoredValue(column: column)
        }
        return value
    }

    private func text<T>(_ column: String, _ decode: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T? {
        guard let position = result.column(named: column) else { throw StoreError.invalidStoredValue(column: column) }
        return try result.withText(row: index, column: position, decode)
    }
}
