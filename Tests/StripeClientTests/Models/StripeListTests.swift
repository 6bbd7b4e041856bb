import DynamicJSON
import FoundationEssentials
import StripeClient
import StripeFake
import Testing

/// A list page keeps what it can read and says what it could not.
@Suite("Stripe list pages")
struct StripeListTests {
    private func page(_ data: [JSONValue], hasMore: Bool = false) throws -> StripeList<Refund> {
        let json: JSONValue = [
            "object": "list", "url": "/v1/refunds", "has_more": .bool(hasMore), "data": .array(data),
        ]
        return try JSONDecoder().decode(StripeList<Refund>.self, from: Data(json.text.utf8))
    }

    @Test("a page keeps the items it can read and names the one it cannot, by index, id and problem")
    func oneUnreadable() throws {
        var broken = StripeShape.refund.json(["id": "re_2"])
        broken["amount"] = nil
        let list = try page(
            [StripeShape.refund.json(["id": "re_3"]), broken, StripeShape.refund.json(["id": "re_1"])], hasMore: true)
        #expect(list.data.map(\.id) == ["re_3", "re_1"])
        #expect(list.unreadable == [UnreadableListItem(index: 1, id: "re_2", problem: "field amount is missing")])
        #expect(!list.isComplete)
        #expect(list.unreadable.map(\.description) == ["item 1 (re_2): field amount is missing"])
        #expect(list.nextCursor == "re_1")
    }

    @Test("an unreadable last item still moves the cursor past it")
    func unreadableLast() throws {
        let list = try page(
            [
                StripeShape.refund.json(["id": "re_2"]),
                StripeShape.refund.json(["id": "re_1", "created": "yesterday"]),
            ],
            hasMore: true)
        #expect(list.data.map(\.id) == ["re_2"])
        #expect(
            list.unreadable == [
                UnreadableListItem(index: 1, id: "re_1", problem: "field created has an unexpected type")
            ])
        #expect(list.nextCursor == "re_1")
    }

    @Test("an item without an id, or that is no object at all, is recorded by its index")
    func withoutID() throws {
        var anonymous = StripeShape.refund.json()
        anonymous["id"] = nil
        let list = try page([anonymous, 42, .null, StripeShape.refund.json(["id": "re_1"])])
        #expect(list.data.map(\.id) == ["re_1"])
        #expect(
            list.unreadable == [
                UnreadableListItem(index: 0, id: nil, problem: "field id is missing"),
                UnreadableListItem(index: 1, id: nil, problem: "the item has an unexpected type"),
                UnreadableListItem(index: 2, id: nil, problem: "the item is null"),
            ])
        #expect(list.unreadable[1].description == "item 1: the item has an unexpected type")
        #expect(list.nextCursor == nil)
    }

    @Test("a page whose every item reads is complete")
    func complete() throws {
        let list = try page([StripeShape.refund.json(["id": "re_1"])])
        #expect(list.isComplete)
        #expect(list.unreadable.isEmpty)
    }

    @Test("a page built by hand takes its cursor from an unreadable last item")
    func builtByHand() {
        let refund = Refund(id: "re_2", amount: 1, currency: "usd", status: "succeeded", paymentIntent: nil, created: 1)
        let list = StripeList(
            data: [refund], hasMore: true, unreadable: [UnreadableListItem(index: 1, id: "re_1", problem: "odd")])
        #expect(list.nextCursor == "re_1")
        #expect(StripeList(data: [refund], hasMore: true).nextCursor == "re_2")
        #expect(StripeList(data: [refund], hasMore: false).nextCursor == nil)
    }

    @Test("a page without its envelope's fields is not a page")
    func brokenEnvelope() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(StripeList<Refund>.self, from: Data(#"{"object": "list", "data": []}"#.utf8))
        }
    }

    @Test("the client hands back a page with an unreadable item instead of failing the call")
    func overHTTP() async throws {
        let harness = try Harness(maxRetries: 0)
        var broken = StripeShape.refund.json(["id": "re_2"])
        broken["currency"] = 978
        harness.fake.enqueue(.list([StripeShape.refund.json(["id": "re_3"]), broken], url: "/v1/refunds"))
        let list = try await harness.client.refunds(paymentIntentID: "pi_1", limit: 10, startingAfter: nil)
        #expect(list.data.map(\.id) == ["re_3"])
        #expect(
            list.unreadable == [
                UnreadableListItem(index: 1, id: "re_2", problem: "field currency has an unexpected type")
            ])
    }
}
