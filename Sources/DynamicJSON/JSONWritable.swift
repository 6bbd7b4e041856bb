/// A value that writes its own JSON text, without a `JSONValue` built first and taken apart again: for answers
/// that are written far more often than they are inspected.
public protocol JSONWritable {
    /// Appends this value's JSON text.
    func write(to writer: inout JSONWriter)
}

extension String: JSONWritable {
    /// Appends the string, escaped.
    public func write(to writer: inout JSONWriter) { writer.write(self) }
}

extension Int: JSONWritable {
    /// Appends the integer.
    public func write(to writer: inout JSONWriter) { writer.write(self) }
}

extension Bool: JSONWritable {
    /// Appends `true` or `false`.
    public func write(to writer: inout JSONWriter) { writer.append(self ? "true" : "false") }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    /// Appends the value, or `null` when there is none: answers keep every key, present or not.
    public func write(to writer: inout JSONWriter) {
        if let self { self.write(to: &writer) } else { writer.append("null") }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    /// Appends the elements as a JSON array.
    public func write(to writer: inout JSONWriter) { writer.writeArray(self) }
}
