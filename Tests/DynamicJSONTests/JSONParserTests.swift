import Testing

@testable import DynamicJSON

@Suite("The hand-written JSON parser is strict RFC 8259")
struct JSONParserTests {
    static let notJSON = JSONParseError(reason: "the line is not valid JSON")

    @Test(
        "what RFC 8259 forbids is refused as not valid JSON",
        arguments: [
            "[1,]", #"{"a":1,}"#, "[,1]", "01", "-01", "00", "1.", ".5", "+1", "1.e1", "1e", "1e+", "-", "0x10",
            "NaN", "Infinity", "tru", "nulls", "true false", #"{"a" 1}"#, #"{a:1}"#, "[1 2]", #""\x""#,
            #""\u12""#, #""\uZZZZ""#, "\"a\tb\"", "\"a\nb\"", "\"open", "\u{FEFF}1", "1\u{0B}", "[1]\u{0}", "'a'",
            #""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#, #""\ud83dx""#,
        ])
    func refusesWhatTheGrammarForbids(text: String) {
        #expect(throws: Self.notJSON) { try JSONCodec.parse(text) }
    }

    @Test("a number beyond Double's range is valid JSON and becomes infinity, so its request can be answered")
    func hugeNumbers() throws {
        #expect(try JSONCodec.parse("1e400") == .double(.infinity))
        #expect(try JSONCodec.parse("[-1e309]") == [.double(-.infinity)])
    }

    @Test("escapes decode, a surrogate pair included")
    func decodesEscapes() throws {
        let value = try JSONCodec.parse(#"["\"\\\/\b\f\n\r\t","\u00e9\u20AC","\ud83d\ude00","a\u0000b"]"#)
        #expect(value == ["\"\\/\u{8}\u{C}\n\r\t", "é€", "😀", "a\u{0}b"])
    }

    @Test("raw multi-byte UTF-8 is kept, in values and in keys")
    func keepsUTF8() throws {
        #expect(try JSONCodec.parse(#"{"clé":"naïve 😀"}"#) == ["clé": "naïve 😀"])
    }

    @Test("invalid UTF-8 inside a string, an escaped one included, is refused as such")
    func refusesInvalidUTF8InStrings() {
        let overlong: [UInt8] = [0x22, 0xC0, 0xAF, 0x22]
        let surrogate: [UInt8] = Array(#"["\n"#.utf8) + [0xED, 0xA0, 0x80, 0x22, 0x5D]
        for bytes in [overlong, surrogate] {
            #expect(throws: JSONParseError(reason: "the line is not valid UTF-8")) { try JSONCodec.parse(bytes) }
        }
    }

    @Test("integers stay integers up to Int's limits, and beyond them become doubles")
    func integerLimits() throws {
        #expect(try JSONCodec.parse("9223372036854775807") == .int(.max))
        #expect(try JSONCodec.parse("-9223372036854775808") == .int(.min))
        #expect(try JSONCodec.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONCodec.parse("-0") == .int(0))
    }

    @Test("integral numbers written with a fraction or exponent are integers, as JSON Schema counts them")
    func integralNumbers() throws {
        #expect(try JSONCodec.parse("[1.0,1e2,1E+2,-0.0,100e-2]") == [1, 100, 100, 0, 1])
        #expect(try JSONCodec.parse("[2.50,1e-5,-1.5E3]") == [2.5, 0.00001, -1500])
    }

    @Test("whitespace around tokens is allowed")
    func whitespace() throws {
        #expect(try JSONCodec.parse(" \t{ \"a\" : [ 1 , 2 ] }\r\n ") == ["a": [1, 2]])
        #expect(try JSONCodec.parse("{}") == [:])
        #expect(try JSONCodec.parse("[]") == [])
    }

    @Test("a repeated key keeps its last value, as JavaScript and Python read it")
    func repeatedKey() throws {
        #expect(try JSONCodec.parse(#"{"a":1,"a":2}"#) == ["a": 2])
    }

    @Test("128 levels of nesting are accepted and 129 refused")
    func depthLimit() throws {
        let accepted = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(try JSONCodec.parse(accepted) != .null)
        let refused = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        #expect(throws: JSONParseError(reason: "JSON nested deeper than 128 levels")) { try JSONCodec.parse(refused) }
    }

    @Test("a slice of a larger buffer parses as its own bytes")
    func parsesSlices() throws {
        let bytes = Array(#"xx{"a":[true,null]}yy"#.utf8)
        #expect(try JSONCodec.parse(bytes[2..<(bytes.count - 2)]) == ["a": [true, .null]])
    }
}
