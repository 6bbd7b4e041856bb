import FoundationEssentials

/// Converts between `Date` and the UTC text the orders database stores (`YYYY-MM-DD HH:MM:SS.ffffff`).
///
/// The original Python service (SQLAlchemy) wrote this format, SQLite's date functions read it, and plain text
/// comparison orders it correctly, which the range and keyset queries rely on. The civil-date arithmetic is written
/// out (Howard Hinnant's `days_from_civil`) so the store needs no calendar or formatter machinery.
public enum StoreTimestamp {
    private static let microsecondsPerSecond: Int64 = 1_000_000
    private static let secondsPerDay: Int64 = 86_400

    /// Formats a date as stored text, rounded to the microsecond: `"2026-11-27 16:21:52.929971"`.
    public static func string(from date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * Double(microsecondsPerSecond)).rounded())
        let (seconds, fraction) = floorDivision(micros, microsecondsPerSecond)
        return dateTimeText(seconds: seconds, separator: " ") + "." + pad(fraction, width: 6)
    }

    /// Formats a date as ISO-8601 UTC to the second, for answers: `"2026-11-27T16:21:52Z"`.
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return dateTimeText(seconds: seconds, separator: "T") + "Z"
    }

    /// Parses stored text; accepts a `T` or a space between date and time, an optional fraction of 1–9 digits
    /// and an optional `Z` or `+00:00`. A bare date (`YYYY-MM-DD`) means midnight UTC. Returns nil for anything else.
    public static func date(from text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2),
            (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        var seconds = daysFromCivil(year: year, month: month, day: day) * secondsPerDay
        var micros: Int64 = 0
        if !scanner.isAtEnd {
            guard scanner.skip("T") || scanner.skip(" "),
                let hour = scanner.number(digits: 2), scanner.skip(":"),
                let minute = scanner.number(digits: 2), scanner.skip(":"),
                let second = scanner.number(digits: 2),
                hour < 24, minute < 60, second < 60
            else { return nil }
            seconds += hour * 3600 + minute * 60 + second
            if scanner.skip(".") {
                guard let fraction = scanner.fraction() else { return nil }
                micros = fraction
            }
            _ = scanner.skip("Z") || scanner.skip("+00:00")
            guard scanner.isAtEnd else { return nil }
        }
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / Double(microsecondsPerSecond))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivision(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func dateTimeText(seconds: Int64, separator: String) -> String {
        let (days, secondOfDay) = floorDivision(seconds, secondsPerDay)
        let (year, month, day) = civilFromDays(days)
        return pad(year, width: 4) + "-" + pad(month, width: 2) + "-" + pad(day, width: 2) + separator
            + pad(secondOfDay / 3600, width: 2) + ":" + pad(secondOfDay / 60 % 60, width: 2) + ":"
            + pad(secondOfDay % 60, width: 2)
    }

    private static func pad(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Division rounding towards negative infinity, so dates before 1970 format correctly.
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }
}

/// Reads fixed-width ASCII numbers and separators from UTF-8 bytes.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func skip(_ literal: String) -> Bool {
        let expected = Array(literal.utf8)
        guard bytes.count - position >= expected.count,
            bytes[position..<position + expected.count].elementsEqual(expected)
        else { return false }
        position += expected.count
        return true
    }

    mutating func number(digits: Int) -> Int64? {
        guard bytes.count - position >= digits else { return nil }
        var value: Int64 = 0
        for byte in bytes[position..<position + digits] {
            guard let digit = Self.digit(byte) else { return nil }
            value = value * 10 + digit
        }
        position += digits
        return value
    }

    /// Reads 1–9 fraction digits as microseconds, truncating digits beyond the sixth.
    mutating func fraction() -> Int64? {
        var micros: Int64 = 0
        var count = 0
        while position < bytes.count, let digit = Self.digit(bytes[position]) {
            if count < 6 { micros = micros * 10 + digit }
            count += 1
            position += 1
        }
        guard (1...9).contains(count) else { return nil }
        for _ in 0..<max(0, 6 - count) { micros *= 10 }
        return micros
    }

    private static func digit(_ byte: UInt8) -> Int64? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
