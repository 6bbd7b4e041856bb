/// A growable run of bytes, written in place: appending is a capacity check and a copy.
///
/// `Array.append(contentsOf:)` spends about a hundred instructions per call on uniqueness checks and sequence
/// machinery, and writing a page of orders makes thousands of small appends. Not copyable, so the one owner of the
/// memory frees it.
public struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    public private(set) var count = 0

    /// Creates an empty buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 1024) {
        self.capacity = Swift.max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The last byte written, if any.
    public var last: UInt8? { count > 0 ? start[count - 1] : nil }

    /// The bytes written, as an array.
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// The bytes written, decoded as UTF-8 (invalid sequences become U+FFFD).
    public var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// Appends one byte.
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        start[count] = byte
        count += 1
    }

    /// Appends a run of bytes.
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends a literal's UTF-8 bytes.
    public mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a string's UTF-8 bytes.
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// At least doubles the room, so appending takes amortized constant time.
    private mutating func grow(toAtLeast needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.moveInitialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}
