import DynamicJSON
import FoundationEssentials
import PaymentCore

/// A PaymentCore value as the MCP edge writes it: JSON with the design's snake_case keys, every key present.
///
/// A protocol of this module's own rather than `JSONWritable`, so PaymentCore's types conform here without
/// retroactive conformances; `Written` carries them into the writer's generic members.
protocol AnswerJSON {
    /// Appends this value's JSON text.
    func write(to writer: inout JSONWriter)
}

/// An `AnswerJSON` value handed to `JSONWriter` as the `JSONWritable` it takes.
struct Written<Value: AnswerJSON>: JSONWritable {
    /// The value to write.
    let value: Value

    /// Writes the value.
    func write(to writer: inout JSONWriter) { value.write(to: &writer) }
}

extension JSONText {
    /// The JSON text of an answer.
    init(answer: some AnswerJSON) {
        self.init(Written(value: answer))
    }
}

extension JSONWriter {
    /// `member(_:_:)` for an answer's part.
    mutating func member(_ key: StaticString, _ value: some AnswerJSON) {
        member(key, Written(value: value))
    }

    /// `member(_:_:)` for an answer's part or `null`.
    mutating func member<Value: AnswerJSON>(_ key: StaticString, _ value: Value?) {
        member(key, value.map { Written(value: $0) })
    }

    /// `member(_:_:)` for a list of an answer's parts.
    mutating func member<Value: AnswerJSON>(_ key: StaticString, _ values: [Value]) {
        member(key) { json in json.writeArray(values.lazy.map { Written(value: $0) }) }
    }

    /// `member(_:_:)` for a time: a UTC ISO-8601 string such as `2026-11-27T16:21:52Z`.
    mutating func member(_ key: StaticString, _ date: Date) {
        member(key, Timestamps.iso8601(date))
    }

    /// `member(_:_:)` for a time or `null`.
    mutating func member(_ key: StaticString, _ date: Date?) {
        member(key, date.map(Timestamps.iso8601))
    }
}

extension OrderSummary.Status: AnswerJSON {
    /// Writes the raw value: `paid`, `partially_refunded` or `refunded`.
    func write(to writer: inout JSONWriter) { name.write(to: &writer) }
}

extension RefundLogRecord.Status: AnswerJSON {
    /// Writes the raw value: `pending`, `succeeded` or `failed`.
    func write(to writer: inout JSONWriter) { name.write(to: &writer) }
}
