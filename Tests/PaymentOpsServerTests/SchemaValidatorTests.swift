import DynamicJSON
import Testing

@testable import PaymentOpsMCP

@Suite("Argument validation against input schemas")
struct SchemaValidatorTests {
    let schema = EchoTool().inputSchema

    func problems(_ arguments: [String: JSONValue]) -> String? {
        do {
            _ = try SchemaValidator.validate(arguments, against: schema)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("valid arguments pass, and integral numbers become integers")
    func validArguments() throws {
        let result = try SchemaValidator.validate(["text": "hi", "times": 2.0, "ratio": 0.5], against: schema)
        #expect(result == ["text": "hi", "times": 2, "ratio": 0.5])
    }

    @Test("a missing required field is named")
    func required() {
        #expect(problems([:]) == "Invalid arguments: \"text\" is required.")
    }

    @Test("an unknown field is named with the allowed ones")
    func unknownField() {
        #expect(
            problems(["text": "a", "colour": "red"])
                == "Invalid arguments: \"colour\" is not allowed; allowed: code, options, ratio, style, tags, text, times."
        )
    }

    @Test("wrong types say what was expected and what came")
    func types() {
        #expect(problems(["text": 5]) == "Invalid arguments: \"text\" must be a string, not an integer.")
        #expect(
            problems(["text": "a", "times": 1.5]) == "Invalid arguments: \"times\" must be an integer, not a number.")
        #expect(
            problems(["text": "a", "times": "2"]) == "Invalid arguments: \"times\" must be an integer, not a string.")
        #expect(problems(["text": .null]) == "Invalid arguments: \"text\" must be a string, not null.")
    }

    @Test("a whole number too large for an integer is out of range, with its bounds, not of the wrong type")
    func hugeIntegers() {
        #expect(
            problems(["text": "a", "times": 1e20])
                == "Invalid arguments: \"times\" is out of range for a whole number. \"times\" must be at most 3.")
        #expect(
            problems(["text": "a", "times": .double(.infinity)])?.hasPrefix(
                "Invalid arguments: \"times\" is out of range for a whole number.") == true)
    }

    @Test("enums, bounds, lengths and patterns are enforced")
    func constraints() {
        #expect(
            problems(["text": "a", "style": "quiet"])
                == "Invalid arguments: \"style\" must be one of \"plain\", \"loud\".")
        #expect(problems(["text": "a", "times": 0]) == "Invalid arguments: \"times\" must be at least 1.")
        #expect(problems(["text": "a", "times": 4]) == "Invalid arguments: \"times\" must be at most 3.")
        #expect(problems(["text": "a", "ratio": 0]) == "Invalid arguments: \"ratio\" must be greater than 0.")
        #expect(problems(["text": ""]) == "Invalid arguments: \"text\" must be at least 1 character long.")
        #expect(
            problems(["text": .string(String(repeating: "é", count: 21))])
                == "Invalid arguments: \"text\" must be at most 20 characters long.")
        #expect(
            problems(["text": "a", "code": "usd"]) == "Invalid arguments: \"code\" must match the pattern ^[A-Z]{3}$.")
    }

    @Test("nested objects and arrays are checked with a path")
    func nested() {
        #expect(
            problems(["text": "a", "tags": ["x", 1]])
                == "Invalid arguments: \"tags[1]\" must be a string, not an integer.")
        #expect(
            problems(["text": "a", "tags": ["x", "y", "z"]]) == "Invalid arguments: \"tags\" must have at most 2 items."
        )
        #expect(
            problems(["text": "a", "options": ["trim": "yes"]])
                == "Invalid arguments: \"options.trim\" must be a boolean, not a string.")
        #expect(
            problems(["text": "a", "options": ["cut": true]])
                == "Invalid arguments: \"options.cut\" is not allowed; allowed: trim.")
    }

    @Test("every problem is reported, in a stable order")
    func severalProblems() {
        #expect(
            problems(["extra": 1, "times": 9])
                == "Invalid arguments: \"extra\" is not allowed; allowed: code, options, ratio, style, tags, text, times. \"text\" is required. \"times\" must be at most 3."
        )
    }
}
