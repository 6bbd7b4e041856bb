/// A day of the proleptic Gregorian calendar written `YYYY-MM-DD`, as `revenue_summary` takes its range.
struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The year, 1 to 9999.
    var year: Int
    /// The month, 1 to 12.
    var month: Int
    /// The day of the month.
    var day: Int

    /// Parses exactly `YYYY-MM-DD` naming a real day (2024-02-29 is one, 2025-02-29 is not).
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            year >= 1, (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a tool argument, or fails with a message naming the argument and the expected format.
    static func argument(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(text.trimmingWhitespace()) else {
            throw PaymentError.invalid("\(field) must be a date written YYYY-MM-DD, such as 2026-01-31.")
        }
        return date
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    func adding(years: Int) -> CalendarDate {
        var result = self
        result.year += years
        result.day = min(day, CalendarDate.daysIn(month: month, year: result.year))
        return result
    }

    var description: String {
        let year = String(year)
        let month = String(month)
        let day = String(day)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-"
            + (month.count == 1 ? "0" : "") + month + "-" + (day.count == 1 ? "0" : "") + day
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
