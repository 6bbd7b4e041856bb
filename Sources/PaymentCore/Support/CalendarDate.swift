public import FoundationEssentials
import Whitespace

/// A day of the proleptic Gregorian calendar written `YYYY-MM-DD`, as `revenue_summary` takes its range.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The year, 1 to 9999.
    var year: Int
    /// The month, 1 to 12.
    var month: Int
    /// The day of the month.
    var day: Int

    /// Parses exactly `YYYY-MM-DD` naming a real day (2024-02-29 is one, 2025-02-29 is not).
    public init?(_ text: String) {
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

    /// The day `date` falls on in UTC.
    public init(utcDayOf date: Date) {
        // Howard Hinnant's days-to-civil algorithm: eras of 400 years, years starting on 1 March.
        let shifted = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day before this one.
    public var previousDay: CalendarDate {
        var result = self
        if day > 1 {
            result.day -= 1
        } else {
            if month > 1 {
                result.month -= 1
            } else {
                result.month = 12
                result.year -= 1
            }
            result.day = CalendarDate.daysIn(month: result.month, year: result.year)
        }
        return result
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

    /// The day as `YYYY-MM-DD`.
    public var description: String {
        let year = String(year)
        let month = String(month)
        let day = String(day)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-"
            + (month.count == 1 ? "0" : "") + month + "-" + (day.count == 1 ? "0" : "") + day
    }

    /// Earlier days come first.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
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
