import DynamicJSON

/// Writes PaymentCore's answers as JSON (their `write(to:)` carries the design's snake_case keys, absent values as
/// `null`): the one place answers become JSON, for tools' structured content and resources alike.
enum AnswerEncoding {
    /// An answer that did not write a JSON object, which structured content must be.
    struct NotAnObject: Error, CustomStringConvertible {
        /// The Swift type of the answer.
        let answerType: String

        /// Names the type, for the server's log.
        var description: String { "\(answerType) did not encode to a JSON object" }
    }

    /// The answer as a JSON object.
    static func object(_ answer: some JSONWritable) throws -> [String: JSONValue] {
        guard case .object(let fields) = try JSONCodec.parse(JSONText(answer).bytes) else {
            throw NotAnObject(answerType: String(describing: type(of: answer)))
        }
        return fields
    }

    /// The answer as compact JSON text with sorted keys, for resource contents.
    static func text(_ answer: some JSONWritable) throws -> String {
        JSONText(answer).string
    }
}
