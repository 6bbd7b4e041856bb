import DynamicJSON
import Testing

@testable import PaymentOpsMCP

@Suite("JSON-RPC message classification")
struct RPCMessageTests {
    @Test("requests keep their id with its type, including 0")
    func requestIDs() {
        #expect(IncomingMessage(rpc(id: 0, "ping")) == .request(id: .int(0), method: "ping", params: [:]))
        #expect(IncomingMessage(rpc(id: "0", "ping")) == .request(id: .string("0"), method: "ping", params: [:]))
        #expect(RequestID.int(0).json == .int(0))
        #expect(RequestID.string("0").json == .string("0"))
    }

    @Test("a message without id is a notification")
    func notifications() {
        #expect(
            IncomingMessage(rpc(id: nil, "notifications/initialized"))
                == .notification(method: "notifications/initialized", params: [:]))
    }

    @Test("results and errors without method are responses")
    func responses() {
        #expect(
            IncomingMessage(["jsonrpc": "2.0", "id": "payment-ops-1", "result": ["action": "cancel"]])
                == .response(id: .string("payment-ops-1"), outcome: .success(["action": "cancel"])))
        let error: JSONValue = ["jsonrpc": "2.0", "id": 4, "error": ["code": -32601, "message": "no"]]
        #expect(
            IncomingMessage(error) == .response(id: .int(4), outcome: .failure(RPCError(code: -32601, message: "no"))))
    }

    @Test("invalid envelopes are classified with the reason the client reads")
    func invalidEnvelopes() {
        let cases: [(JSONValue, RequestID?, String)] = [
            ([1, 2], nil, "Invalid Request: batch requests are not supported; send one message per line"),
            ("text", nil, "Invalid Request: a message must be a JSON object"),
            (["id": 1, "method": "ping"], .int(1), "Invalid Request: \"jsonrpc\" must be \"2.0\""),
            (["jsonrpc": "1.0", "id": 1, "method": "ping"], .int(1), "Invalid Request: \"jsonrpc\" must be \"2.0\""),
            (
                ["jsonrpc": "2.0", "id": 1.5, "method": "ping"], nil,
                "Invalid Request: \"id\" must be a string or an integer, not number"
            ),
            (
                ["jsonrpc": "2.0", "id": .null, "method": "ping"], nil,
                "Invalid Request: \"id\" must be a string or an integer, not null"
            ),
            (["jsonrpc": "2.0", "id": 2, "method": 7], .int(2), "Invalid Request: \"method\" must be a string"),
            (
                ["jsonrpc": "2.0", "id": 3, "method": "ping", "params": [1]], .int(3),
                "Invalid Request: \"params\" must be an object, not array"
            ),
            (["jsonrpc": "2.0"], nil, "Invalid Request: a message needs a \"method\" or an \"id\""),
            (
                ["jsonrpc": "2.0", "id": 5], .int(5),
                "Invalid Request: a message needs a \"method\", a \"result\" or an \"error\""
            ),
        ]
        for (message, id, text) in cases {
            #expect(IncomingMessage(message) == .invalid(id: id, error: RPCError(code: -32600, message: text)))
        }
    }

    @Test("error responses always carry an id key")
    func errorResponsesHaveID() {
        #expect(OutgoingMessage.error(id: nil, .parseError("x"))["id"] == .null)
        #expect(OutgoingMessage.error(id: .int(0), .internalError)["id"] == .int(0))
    }

    @Test("a response is one line that takes in the result's written members as they are, every key sorted")
    func responseLine() throws {
        let result = MethodResult(
            ["content": [["type": "text", "text": "two\nlines"]]],
            written: ["structuredContent": try JSONText(["b": 1, "a": "é\u{2028}"])])
        let line = try Response(id: .string("r1"), outcome: .success(result)).line()
        #expect(
            String(decoding: line, as: UTF8.self)
                == #"{"id":"r1","jsonrpc":"2.0","result":{"content":[{"text":"two\nlines","type":"text"}],"#
                + #""structuredContent":{"a":"é\u2028","b":1}}}"# + "\n")
        let refused = try Response(id: nil, outcome: .failure(.parseError("x"))).line()
        #expect(
            String(decoding: refused, as: UTF8.self)
                == #"{"error":{"code":-32700,"message":"Parse error: x"},"id":null,"jsonrpc":"2.0"}"# + "\n")
    }
}
