import FoundationEssentials

/// Spans of time are `Duration`s; these convert them where they meet a `Date`.
extension Date {
    /// The date `span` later (earlier for a negative span).
    func adding(_ span: Duration) -> Date {
        addingTimeInterval(span.seconds)
    }

    /// The date `span` earlier.
    func subtracting(_ span: Duration) -> Date {
        addingTimeInterval(-span.seconds)
    }

    /// The span from `earlier` to this date (negative when `earlier` is later).
    func duration(since earlier: Date) -> Duration {
        .seconds(timeIntervalSince(earlier))
    }
}

extension Duration {
    /// The span in seconds, fractions included.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
