import DynamicJSON
import Testing

/// A typed value that writes itself, as the server's answers do.
private struct Line: JSONWritable {
    var id: String
    var cents: Int
    var note: String?
    var tags: [String]
    var paid: Bool

    func write(to writer: inout JSONWriter) {
        writer.writeObject { json in
            json.member("cents", cents)
            json.member("id", id)
            json.member("note", note)
            json.member("paid", paid)
            json.member("tags", tags)
        }
    }

    var value: JSONValue {
        [
            "cents": .int(cents), "id": .string(id), "note": note.map(JSONValue.string) ?? .null, "paid": .bool(paid),
            "tags": .array(tags.map(JSONValue.string)),
        ]
    }
}

@Suite("Values that write their own JSON text")
struct JSONWritableTests {
    fileprivate static let lines = [
        Line(id: "o1", cents: 4999, note: nil, tags: [], paid: true),
        Line(
            id: "q\"b\\s\n\u{0}\u{2028}é😀", cents: .min, note: "'; DROP TABLE orders; --", tags: ["", "a"], paid: false),
        Line(id: "", cents: .max, note: "", tags: ["\u{1F}"], paid: true),
    ]

    @Test("a written object is byte for byte what the writer makes of the same JSONValue")
    func matchesValueWriter() throws {
        for line in Self.lines {
            #expect(JSONText(line).bytes == (try JSONCodec.encode(line.value)))
        }
        #expect(JSONText(Self.lines).bytes == (try JSONCodec.encode(.array(Self.lines.map(\.value)))))
    }

    @Test("written text parses back to the value, empty and nested collections included")
    func roundTrips() throws {
        #expect(try JSONCodec.parse(JSONText(Self.lines).bytes) == .array(Self.lines.map(\.value)))
        #expect(JSONText([[Line]]()).string == "[]")
        #expect(JSONText([[Line](), []]).string == "[[],[]]")
        #expect(JSONText([String?.none, "x"]).string == #"[null,"x"]"#)
    }

    @Test("an object merges written members with values in key order, a written member winning a shared key")
    func mergesWrittenMembers() throws {
        var writer = JSONWriter()
        try writer.writeObject(
            ["b": 1, "d": ["x": true], "c": "value"],
            merging: ["a": JSONText([1, 2]), "c": JSONText("written"), "e": JSONText(Self.lines[0])])
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"{"a":[1,2],"b":1,"c":"written","d":{"x":true},"#
                + #""e":{"cents":4999,"id":"o1","note":null,"paid":true,"tags":[]}}"#)
    }

    @Test("a member can be a dynamic value or be written in place, and a refused number stops the object")
    func membersWrittenInPlace() throws {
        var writer = JSONWriter()
        try writer.writeObject { json throws(JSONWriter.NonFiniteNumber) in
            try json.member("id", ["n": 1])
            json.member("jsonrpc", "2.0")
            try json.member("result") { inner throws(JSONWriter.NonFiniteNumber) in
                try inner.writeObject(["b": true], merging: ["a": JSONText(Self.lines[0])])
            }
        }
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"{"id":{"n":1},"jsonrpc":"2.0","result":{"a":{"cents":4999,"id":"o1","note":null,"#
                + #""paid":true,"tags":[]},"b":true}}"#)
        var refusing = JSONWriter()
        #expect(throws: JSONWriter.NonFiniteNumber.self) {
            try refusing.writeObject { json throws(JSONWriter.NonFiniteNumber) in try json.member("x", .double(.nan)) }
        }
    }

    @Test("a non-finite number among the values is refused")
    func refusesNonFinite() {
        var writer = JSONWriter()
        #expect(throws: JSONWriter.NonFiniteNumber.self) {
            try writer.writeObject(["x": .double(.nan)], merging: ["a": JSONText(1)])
        }
        #expect(throws: JSONWriter.NonFiniteNumber.self) { try JSONText(JSONValue.double(.infinity)) }
    }
}
