public import FoundationEssentials

/// A value bound to a `?` placeholder: an integer, text, or NULL.
///
/// Dates travel as text in the store's timestamp format (see `StoreTimestamp`), so SQL compares them as text.
public enum SQLValue: Sendable, Hashable {
    /// An INTEGER.
    case integer(Int)
    /// TEXT.
    case text(String)
    /// NULL.
    case null
}

/// A Swift value that can be bound to a statement placeholder.
public protocol SQLBindable {
    /// The value as SQLite stores it.
    var sqlValue: SQLValue { get }
}

extension Int: SQLBindable {
    /// The integer as an SQL INTEGER.
    public var sqlValue: SQLValue { .integer(self) }
}

extension String: SQLBindable {
    /// The string as SQL TEXT.
    public var sqlValue: SQLValue { .text(self) }
}

extension Date: SQLBindable {
    /// The date as stored UTC text (`YYYY-MM-DD HH:MM:SS.ffffff`).
    public var sqlValue: SQLValue { .text(StoreTimestamp.string(from: self)) }
}

extension SQLValue: SQLBindable {
    /// The value itself.
    public var sqlValue: SQLValue { self }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// The wrapped value, or NULL.
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
