public import FoundationEssentials
import OrdersStore

/// Times as the structured answers write them: UTC ISO-8601 strings.
public enum Timestamps {
    /// A `Date` as `2026-11-27T16:21:52Z`.
    public static func iso8601(_ date: Date) -> String {
        StoreTimestamp.iso8601(date)
    }
}
