public import FoundationEssentials

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
        return dateTimeText(seconds: seconds, separator: UInt8(ascii: " "), fraction: fraction)
    }

    /// Formats a date as ISO-8601 UTC to the second, for answers: `"2026-11-27T16:21:52Z"`.
    public static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return dateTimeText(seconds: seconds, separator: UInt8(ascii: "T"), fraction: nil)
    }

    /// Parses stored text; accepts a `T` or a space between date and time, an optional fraction of 1–9 digits
    /// and an optional `Z` or `+00:00`. A bare date (`YYYY-MM-DD`) means midnight UTC. Returns nil for anything else.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8(date(fromUTF8:))
    }

    /// Parses stored text given as UTF-8 bytes, as `date(from:)` does.
    static func date(fromUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = DigitScanner(bytes)
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

    /// `YYYY-MM-DD`, the separator, `HH:MM:SS`, then `.ffffff` when a fraction (in microseconds) is given, else `Z`.
    ///
    /// Written into bytes, not pieced together from strings: every order in an answer has a timestamp, and the
    /// string version was a twentieth of a `get_order_history` call.
    private static func dateTimeText(seconds: Int64, separator: UInt8, fraction: Int64?) -> String {
        let (days, secondOfDay) = floorDivision(seconds, secondsPerDay)
        let (year, month, day) = civilFromDays(days)
        // A 19-digit year and its sign, 6 separators, 10 more digits and a 7-byte fraction at most.
        return String(unsafeUninitializedCapacity: 48) { buffer in
            var text = FieldWriter(buffer)
            text.append(year, width: 4)
            text.append(UInt8(ascii: "-"))
            text.append(month, width: 2)
            text.append(UInt8(ascii: "-"))
            text.append(day, width: 2)
            text.append(separator)
            text.append(secondOfDay / 3600, width: 2)
            text.append(UInt8(ascii: ":"))
            text.append(secondOfDay / 60 % 60, width: 2)
            text.append(UInt8(ascii: ":"))
            text.append(secondOfDay % 60, width: 2)
            if let fraction {
                text.append(UInt8(ascii: "."))
                text.append(fraction, width: 6)
            } else {
                text.append(UInt8(ascii: "Z"))
            }
            return text.count
        }
    }

    /// Division rounding towards negative infinity, so dates before 1970 format correctly.
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = ((value % divisor) + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }
}

/// Writes ASCII fields into a buffer that is large enough for them.
private struct FieldWriter {
    private static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// How many bytes are written.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// Writes a number with leading zeros up to `width` digits; a negative number gets its sign first.
    mutating func append(_ value: Int64, width: Int) {
        // The usual case, a field that fits its width: no digits to count first.
        if value >= 0, width < Self.powersOfTen.count, value < Self.powersOfTen[width] {
            var rest = value
            for index in stride(from: count + width - 1, through: count, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            count += width
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        var digits = 0
        var rest = value.magnitude
        repeat {
            digits += 1
            rest /= 10
        } while rest > 0
        let end = count + max(width, digits)
        rest = value.magnitude
        for index in stride(from: end - 1, through: count, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count = end
    }
}

/// Reads fixed-width ASCII numbers and separators from UTF-8 bytes.
private struct DigitScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { return false }
        position += count
        return true
    }

    mutating func number(digits: Int) -> Int64? {
        guard bytes.count - position >= digits else { return nil }
        var value: Int64 = 0
        for offset in position..<position + digits {
            guard let digit = Self.digit(bytes[offset]) else { return nil }
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
        // Wrapping: bytes below "0" become large and fail the test with the ones above "9".
        let digit = byte &- UInt8(ascii: "0")
        return digit < 10 ? Int64(digit) : nil
    }
}
