/// Cuts a byte stream into newline-delimited lines, refusing lines longer than a limit
/// without ever holding more than the limit in memory.
struct LineSplitter {
    /// What the splitter found in the stream.
    enum Event: Equatable, Sendable {
        /// A complete line, without its `\n` (and without a `\r` before it).
        case line([UInt8])
        /// A line longer than the limit; its bytes were dropped up to the next newline.
        case oversized
    }

    /// The longest line accepted, in bytes.
    let limit: Int
    private var buffer: [UInt8] = []
    private var skippingOversizedLine = false

    /// Creates a splitter accepting lines up to `limit` bytes.
    init(limit: Int) {
        self.limit = limit
    }

    /// Feeds bytes and returns the events they complete, in order.
    mutating func push(_ chunk: some Collection<UInt8>) -> [Event] {
        var events: [Event] = []
        var rest = chunk[...]
        while !rest.isEmpty {
            let newline = rest.firstIndex(of: UInt8(ascii: "\n"))
            let piece = rest[..<(newline ?? rest.endIndex)]
            if !skippingOversizedLine {
                if buffer.count + piece.count > limit {
                    buffer = []
                    skippingOversizedLine = true
                    events.append(.oversized)
                } else {
                    buffer.append(contentsOf: piece)
                }
            }
            guard let newline else { break }
            if skippingOversizedLine {
                skippingOversizedLine = false
            } else if let line = takeLine() {
                events.append(line)
            }
            rest = rest[rest.index(after: newline)...]
        }
        return events
    }

    /// Ends the stream: a last line without a newline still counts.
    mutating func finish() -> [Event] {
        defer { skippingOversizedLine = false }
        guard !skippingOversizedLine, let line = takeLine() else { return [] }
        return [line]
    }

    private mutating func takeLine() -> Event? {
        defer { buffer = [] }
        if buffer.last == UInt8(ascii: "\r") { buffer.removeLast() }
        let isBlank = buffer.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return isBlank ? nil : .line(buffer)
    }
}
