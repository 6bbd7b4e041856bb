import DynamicJSON
import Testing

@Suite("A byte buffer that grows in place")
struct ByteBufferTests {
    @Test("bytes, runs, literals and strings come out in order, across many growths")
    func appendsInOrder() {
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2_000 {
            switch round % 4 {
            case 0:
                let byte = UInt8.random(in: 0...255, using: &generator)
                buffer.append(byte)
                expected.append(byte)
            case 1:
                let run = (0..<Int.random(in: 0...300, using: &generator)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
                run.withUnsafeBufferPointer { buffer.append($0) }
                expected += run
            case 2:
                buffer.append("literal, ")
                expected += Array("literal, ".utf8)
            default:
                let text = String(repeating: "é😀x", count: round % 9)
                buffer.append(utf8: text)
                expected += Array(text.utf8)
            }
            #expect(buffer.last == expected.last)
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.array == expected)
    }

    @Test("an empty buffer has no last byte, and an empty run changes nothing")
    func empty() {
        var buffer = ByteBuffer()
        #expect(buffer.last == nil)
        [UInt8]().withUnsafeBufferPointer { buffer.append($0) }
        buffer.append(utf8: "")
        #expect(buffer.count == 0)
        #expect(buffer.array.isEmpty)
        #expect(buffer.string == "")
    }

    @Test("the string decodes UTF-8 and replaces what is not")
    func string() {
        var buffer = ByteBuffer()
        buffer.append(utf8: "naïve ")
        buffer.append(0xFF)
        #expect(buffer.string == "naïve \u{FFFD}")
    }
}
