import PaymentCore
import Whitespace

/// Reads prompt arguments, which arrive as strings; an empty value counts as not given, since some clients send
/// `""` for an optional field left blank.
enum PromptArguments {
    /// The trimmed value of `name`, or `nil` when it is missing or blank.
    static func value(_ name: String, in arguments: [String: String]) -> String? {
        let value = arguments[name]?.trimmingWhitespace() ?? ""
        return value.isEmpty ? nil : value
    }

    /// A day written `YYYY-MM-DD`, or `nil` when not given.
    /// - Throws: `RPCError.invalidParams` naming the argument and the format.
    static func day(_ name: String, in arguments: [String: String]) throws(RPCError) -> CalendarDate? {
        guard let text = value(name, in: arguments) else { return nil }
        guard let day = CalendarDate(text) else {
            throw .invalidParams("\(name) must be a day written YYYY-MM-DD, such as 2026-01-31")
        }
        return day
    }

    /// A whole number within `range`, or `nil` when not given.
    /// - Throws: `RPCError.invalidParams` naming the argument and the range.
    static func integer(_ name: String, in arguments: [String: String], range: ClosedRange<Int>) throws(RPCError)
        -> Int?
    {
        guard let text = value(name, in: arguments) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidParams("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
