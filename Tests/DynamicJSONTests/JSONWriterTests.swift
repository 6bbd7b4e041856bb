import DynamicJSON
import Testing

@Suite("The hand-written JSON writer")
struct JSONWriterTests {
    @Test("output is compact with keys sorted")
    func compactAndSorted() throws {
        let value: JSONValue = ["b": [1, true, .null], "a": ["d": "x", "c": -7], "B": 0]
        #expect(try JSONCodec.string(value) == #"{"B":0,"a":{"c":-7,"d":"x"},"b":[1,true,null]}"#)
    }

    @Test("quotes, backslashes, control characters and JavaScript line separators are escaped")
    func escapes() throws {
        let text = "q\"b\\s/n\nr\rt\tb\u{8}f\u{C}z\u{0}u\u{1F}d\u{7F}l\u{2028}p\u{2029}é😀"
        #expect(
            try JSONCodec.string(.string(text))
                == #""q\"b\\s/n\nr\rt\tb\bf\fz\u0000u\u001fd\#u{7F}l\u2028p\u2029é😀""#)
    }

    @Test("an escape is found at every position of long plain text, U+2028 split across eight-byte words included")
    func escapesInLongText() throws {
        let plain = String(repeating: "abcdefgh", count: 3)
        let cases: [(String, String)] = [
            ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{1F}", #"\u001f"#), ("\u{2028}", #"\u2028"#),
            ("é", "é"), ("\u{7F}", "\u{7F}"),
        ]
        for (inserted, escaped) in cases {
            for offset in 0...plain.utf8.count {
                let index = plain.index(plain.startIndex, offsetBy: offset)
                let text = plain[..<index] + inserted + plain[index...]
                let expected = "\"" + plain[..<index] + escaped + plain[index...] + "\""
                #expect(try JSONCodec.string(.string(String(text))) == expected)
            }
        }
    }

    @Test("integers are written exactly, the extremes included")
    func integers() throws {
        #expect(
            try JSONCodec.string([0, 7, -7, 1_234_567_890, .int(.max), .int(.min)])
                == "[0,7,-7,1234567890,9223372036854775807,-9223372036854775808]")
    }

    @Test("doubles are written in their shortest form and read back unchanged")
    func doubles() throws {
        let numbers: [Double] = [0.1, 2.5, -0.000001, 1e-7, 1.5e300, .leastNonzeroMagnitude, 123456.789]
        let text = try JSONCodec.string(.array(numbers.map(JSONValue.double)))
        #expect(text == "[0.1,2.5,-1e-06,1e-07,1.5e+300,5e-324,123456.789]")
        #expect(try JSONCodec.parse(text) == .array(numbers.map(JSONValue.double)))
        // Integral doubles lose only the ".0", and read back as the integers they are.
        #expect(
            try JSONCodec.string([.double(100), .double(-0.0), .double(1.2345678901234568e16)])
                == "[100,-0,1.2345678901234568e+16]")
    }

    @Test("NaN and infinities cannot be written")
    func nonFinite() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: JSONWriter.NonFiniteNumber.self) { try JSONCodec.encode(["x": [.double(number)]]) }
        }
    }

    @Test("a protocol line is the compact JSON followed by one line feed")
    func line() throws {
        #expect(try JSONCodec.encodeLine(["a": "x\ny"]) == Array(#"{"a":"x\ny"}"#.utf8) + [0x0A])
    }

    @Test("every value survives a round trip through writer and parser")
    func roundTrip() throws {
        let value: JSONValue = [
            "text": "line\u{2028}two \"quoted\" \\ \u{1} é 😀", "numbers": [0, -1, 2.75, .int(.max)],
            "nested": ["empty": [:], "list": [], "flags": [true, false, .null]],
        ]
        #expect(try JSONCodec.parse(JSONCodec.encode(value)) == value)
    }
}
