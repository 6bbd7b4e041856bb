import Testing

@testable import PaymentOpsMCP

@Suite("Splitting stdin into lines")
struct LineSplitterTests {
    @Test("lines split across chunks are joined, CR LF and blank lines handled")
    func chunks() {
        var splitter = LineSplitter(limit: 100)
        #expect(splitter.push(Array("{\"a\"".utf8)) == [])
        #expect(
            splitter.push(Array(":1}\r\n\n  \n{\"b\":2}\n{\"c\"".utf8)) == [
                .line(Array("{\"a\":1}".utf8)), .line(Array("{\"b\":2}".utf8)),
            ])
        #expect(splitter.finish() == [.line(Array("{\"c\"".utf8))])
    }

    @Test("a 5 MiB line is refused once and the next line is served")
    func oversizedLine() {
        var splitter = LineSplitter(limit: 4 * 1024 * 1024)
        var events: [LineSplitter.Event] = []
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        for _ in 0..<80 { events += splitter.push(chunk) }
        events += splitter.push(Array("\n{\"next\":1}\n".utf8))
        #expect(events == [.oversized, .line(Array("{\"next\":1}".utf8))])
    }

    @Test("a line of exactly the limit is accepted")
    func lineAtLimit() {
        var splitter = LineSplitter(limit: 8)
        #expect(
            splitter.push(Array("12345678\n123456789\nok\n".utf8)) == [
                .line(Array("12345678".utf8)), .oversized, .line(Array("ok".utf8)),
            ])
    }

    @Test("an oversized last line without newline is not served at EOF")
    func oversizedAtEOF() {
        var splitter = LineSplitter(limit: 4)
        #expect(splitter.push(Array("123456".utf8)) == [.oversized])
        #expect(splitter.finish() == [])
    }
}
