/// Splits the bytes of one connection into HTTP/1.1 requests (head, then a `Content-Length` body).
struct FakeRequestReader {
    private var buffer: [UInt8] = []

    /// Adds bytes received from the connection.
    mutating func append(_ bytes: ArraySlice<UInt8>) {
        buffer += bytes
    }

    /// Whether the bytes so far can begin an HTTP request (whose method is upper-case letters); a TLS
    /// handshake, sent by a client that expected https, cannot.
    var looksLikeHTTP: Bool {
        buffer.first.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ?? true
    }

    /// The next complete request, removed from the buffer, or `nil` while one is still arriving.
    mutating func nextRequest(connectionNumber: Int) -> FakeRequest? {
        guard let headEnd = headEnd() else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        // "\r\n" is a single Character in Swift.
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
        let requestLine = (lines.popFirst() ?? "").split(separator: " ")
        let headers: [(name: String, value: String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].drop(while: { $0 == " " })
            return (String(line[..<colon]), String(value))
        }
        let length = headers.last { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let bodyStart = headEnd + 4
        guard buffer.count >= bodyStart + length else { return nil }
        let body = String(decoding: buffer[bodyStart..<(bodyStart + length)], as: UTF8.self)
        buffer.removeFirst(bodyStart + length)

        let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return FakeRequest(
            method: requestLine.first.map(String.init) ?? "", path: String(parts[0]),
            rawQuery: parts.count > 1 ? String(parts[1]) : "", headers: headers, body: body,
            connectionNumber: connectionNumber)
    }

    /// Where the blank line that ends the head begins.
    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}
