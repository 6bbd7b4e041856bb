import DynamicJSON

/// The engine's answer to one client request; the transport writes it as one line.
struct Response: Sendable {
    /// The request's id; `nil` when it could not be read.
    let id: RequestID?
    /// The result, with the era's envelope already added, or the error.
    let outcome: Result<MethodResult, RPCError>

    /// The response as one protocol line: compact JSON, keys sorted, then a line feed.
    /// - Throws: `JSONWriter.NonFiniteNumber` when the result holds a non-finite number.
    func line() throws(JSONWriter.NonFiniteNumber) -> [UInt8] {
        var writer: JSONWriter
        switch outcome {
        case .success(let result):
            let text = try JSONText(object: result.fields, merging: result.written)
            writer = JSONWriter(capacity: text.bytes.count + 64)
            try writer.writeObject(["jsonrpc": "2.0", "id": id?.json ?? .null], merging: ["result": text])
        case .failure(let error):
            writer = JSONWriter()
            try writer.write(OutgoingMessage.error(id: id, error))
        }
        writer.append(byte: UInt8(ascii: "\n"))
        return writer.bytes
    }
}
