import DynamicJSON
import FoundationEssentials
import PaymentCore
import Testing

@Suite("Encoding answers straight into JSON values")
struct JSONValueEncoderTests {
    struct Line: Encodable {
        var id: String
        var amountCents: Int
        var note: String?
        @NullWhenAbsent var cursor: String? = nil
        var tags: [String]
        var counts: [String: Int]
        var small: Int8 = -3
        var large: UInt64 = .max
        var ratio: Double = 0.25
        var flag = true

        enum CodingKeys: String, CodingKey {
            case id, note, cursor, tags, counts, small, large, ratio, flag
            case amountCents = "amount_cents"
        }
    }

    /// Uses the containers synthesized code never does: nested ones and super-encoders.
    struct HandWritten: Encodable {
        enum Keys: String, CodingKey { case outer, list, base }
        enum Inner: String, CodingKey { case depth }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var outer = container.nestedContainer(keyedBy: Inner.self, forKey: .outer)
            try outer.encode(2, forKey: .depth)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode("first")
            var nested = list.nestedContainer(keyedBy: Inner.self)
            try nested.encode(3, forKey: .depth)
            try list.encodeNil()
            var elements = list.nestedUnkeyedContainer()
            try elements.encode(true)
            try "base".encode(to: container.superEncoder(forKey: .base))
            try 7.encode(to: container.superEncoder())
        }
    }

    struct Empty: Encodable {}

    static func viaJSONEncoder(_ value: some Encodable) throws -> JSONValue {
        try JSONCodec.parse(Array(try JSONEncoder().encode(value)))
    }

    @Test("synthesized encoding gives what JSONEncoder gives, nil fields left out or kept as null")
    func matchesJSONEncoder() throws {
        let lines = [
            Line(id: "a", amountCents: 4999, note: nil, tags: [], counts: [:]),
            Line(id: "b\n\"", amountCents: -1, note: "é 😀", cursor: "c1", tags: ["x", "y"], counts: ["usd": 2]),
        ]
        #expect(try JSONValueEncoder.encode(lines) == Self.viaJSONEncoder(lines))
        let first = try JSONValueEncoder.encode(lines[0])
        #expect(first["note"] == nil)
        #expect(first["cursor"] == .null)
        #expect(first["large"] == .double(Double(UInt64.max)))
    }

    @Test("nested containers and super-encoders land where JSONEncoder puts them")
    func nestedContainers() throws {
        let value = try JSONValueEncoder.encode(HandWritten())
        #expect(try value == Self.viaJSONEncoder(HandWritten()))
        #expect(
            value == [
                "outer": ["depth": 2], "list": ["first", ["depth": 3], .null, [true]], "base": "base", "super": 7,
            ])
    }

    @Test("a value that encodes nothing is an empty object")
    func emptyValue() throws {
        #expect(try JSONValueEncoder.encode([Empty()]) == [[:]])
    }

    @Test("a non-finite number is refused with its coding path")
    func nonFinite() {
        struct Holder: Encodable { var values: [Double] }
        #expect {
            try JSONValueEncoder.encode(["h": Holder(values: [1, .nan])])
        } throws: { error in
            guard case EncodingError.invalidValue(_, let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["h", "values", "Index 1"]
        }
    }
}
