public import DynamicJSON

/// The engine's answer to one client request; the transport writes it as one line.
public struct Response: Sendable {
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
            // Member by member, in key order, so the result's written members are copied in once.
            writer = JSONWriter(capacity: result.written.values.reduce(1024) { $0 + $1.bytes.count })
            try writer.writeObject { message throws(JSONWriter.NonFiniteNumber) in
                try message.member("id", id?.json ?? .null)
                message.member("jsonrpc", "2.0")
                try message.member("result") { json throws(JSONWriter.NonFiniteNumber) in
                    try json.writeObject(result.fields, merging: result.written)
                }
            }
        case .failure(let error):
            writer = JSONWriter()
            try writer.write(OutgoingMessage.error(id: id, error))
        }
        writer.append(byte: UInt8(ascii: "\n"))
        return writer.bytes
    }

    /// The line to send: `line()`, or, when the result cannot be encoded, an internal error for the same id, so the
    /// client is never left waiting; `failed` hears why.
    public func lineOrInternalError(reporting failed: (JSONWriter.NonFiniteNumber) -> Void = { _ in }) -> [UInt8] {
        do {
            return try line()
        } catch {
            failed(error)
            guard let substitute = try? Response(id: id, outcome: .failure(.internalError)).line() else {
                preconditionFailure("an internal error holds no number, so it always encodes")
            }
            return substitute
        }
    }
}
