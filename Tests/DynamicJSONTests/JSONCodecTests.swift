import Testing

@testable import DynamicJSON

@Suite("JSON values and the wire codec")
struct JSONCodecTests {
    @Test("literals build the matching cases and accessors are strict")
    func literalsAndAccessors() {
        let value: JSONValue = ["n": 3, "d": 1.5, "s": "x", "b": true, "z": .null, "a": [1]]
        #expect(value["n"]?.intValue == 3)
        #expect(value["n"]?.stringValue == nil)
        #expect(value["d"]?.intValue == nil)
        #expect(value["d"]?.numberValue == 1.5)
        #expect(value["n"]?.numberValue == 3)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["s"]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["z"]?.isNull == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["missing"] == nil)
    }

    @Test("parsing keeps integers, fractions, strings and nesting apart")
    func parsesEveryType() throws {
        let value = try JSONCodec.parse(#"{"i":0,"neg":-7,"f":2.5,"s":"é\n","t":[true,false,null]}"#)
        #expect(value["i"] == .int(0))
        #expect(value["neg"] == .int(-7))
        #expect(value["f"] == .double(2.5))
        #expect(value["s"] == .string("é\n"))
        #expect(value["t"] == [true, false, .null])
    }

    @Test("round trip through the encoder is lossless")
    func roundTrip() throws {
        let value: JSONValue = ["a": [1, 2.25, "three", .null, false], "b": ["c": ["d": "e"]]]
        #expect(try JSONCodec.parse(JSONCodec.encode(value)) == value)
    }

    @Test("encoded output is one line even when strings hold line breaks")
    func encodingIsOneLine() throws {
        let bytes = try JSONCodec.encode(["text": "line one\nline two\r\u{2028}end", "slash": "a/b"])
        #expect(!bytes.contains(UInt8(ascii: "\n")))
        #expect(!bytes.contains(UInt8(ascii: "\r")))
        #expect(String(decoding: bytes, as: UTF8.self).contains("a/b"))
    }

    @Test("non-finite numbers cannot be encoded")
    func nonFiniteNumbersThrow() {
        #expect(throws: (any Error).self) { try JSONCodec.encode(["x": .double(.nan)]) }
    }

    @Test("10,000 levels of nesting are refused before decoding")
    func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError(reason: "JSON nested deeper than 128 levels")) {
            try JSONCodec.parse(deep)
        }
    }

    @Test("brackets inside strings do not count as nesting")
    func bracketsInStrings() throws {
        let text = #"{"a":"[[[[\"{{{{"}"#
        #expect(JSONCodec.nestingDepth(of: Array(text.utf8)) == 1)
        #expect(try JSONCodec.parse(text)["a"] == .string(#"[[[["{{{{"#))
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError(reason: "the line is not valid UTF-8")) { try JSONCodec.parse(bytes) }
    }

    @Test("text that is not JSON is refused")
    func notJSON() {
        for text in ["", "{", "{'a':1}", "nul", "{\"a\":1}}"] {
            #expect(throws: JSONParseError(reason: "the line is not valid JSON")) { try JSONCodec.parse(text) }
        }
    }
}
