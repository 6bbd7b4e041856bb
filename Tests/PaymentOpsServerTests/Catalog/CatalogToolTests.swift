import DynamicJSON
import FoundationEssentials
import OrdersStore
import PaymentCore
import Testing

@testable import PaymentOpsMCP

@Suite("The seven tools through the engine, on SQLite and the loopback Stripe")
struct CatalogToolTests {
    static let unknownCustomer =
        "No customer has that email address in the orders database. Check the spelling, or ask the user for the "
        + "email address the purchase was made with."

    @Test("tools/list shows the seven tools with titles, strict input schemas, output schemas and annotations")
    func listing() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let tools = try #require(await world.request("tools/list").result?["tools"]?.arrayValue)
        #expect(
            tools.compactMap { $0["name"]?.stringValue } == [
                "lookup_customer", "list_payments", "get_order_history", "issue_refund", "create_payment_link",
                "revenue_summary", "flag_for_review",
            ])
        for tool in tools {
            let name = tool["name"]?.stringValue ?? ""
            #expect(name.wholeMatch(of: /[a-zA-Z0-9_-]{1,64}/) != nil)
            #expect(tool["title"]?.stringValue?.isEmpty == false, "\(name)")
            #expect(tool["inputSchema"]?["type"] == "object", "\(name)")
            #expect(tool["inputSchema"]?["additionalProperties"] == false, "\(name)")
            for combinator in ["oneOf", "anyOf", "allOf"] {
                #expect(tool["inputSchema"]?[combinator] == nil, "\(name) \(combinator)")
            }
            #expect(tool["outputSchema"]?["type"] == "object", "\(name)")
        }
        let annotations = Dictionary(
            uniqueKeysWithValues: tools.map { ($0["name"]?.stringValue ?? "", $0["annotations"] ?? .null) })
        #expect(
            annotations["issue_refund"]
                == ["readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": true])
        #expect(
            annotations["create_payment_link"]
                == ["readOnlyHint": false, "destructiveHint": false, "idempotentHint": true, "openWorldHint": true])
        #expect(annotations["flag_for_review"]?["destructiveHint"] == false)
        for name in ["lookup_customer", "list_payments", "get_order_history", "revenue_summary"] {
            #expect(annotations[name]?["readOnlyHint"] == true, "\(name)")
        }
        let refund = try #require(tools.first { $0["name"] == "issue_refund" })
        let description = refund["description"]?.stringValue ?? ""
        #expect(description.contains("an order exactly 90 days old is refundable, one 91 days old is not"))
        #expect(description.contains("Never set confirmed without the user's explicit approval"))
        #expect(refund["inputSchema"]?["properties"]?["charge_id"] != nil)
    }

    @Test("lookup_customer joins the record, counts, totals and the live Stripe customer")
    func lookup() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        try world.addOrder("o1", for: ada, amount: 4999)
        let result = await world.call("lookup_customer", ["email": " ADA@example.com "])
        #expect(!result.toolIsError)
        #expect(result.structured?["customer"]?["email"] == "ada@example.com")
        #expect(result.structured?["orders"]?["paid"] == 1)
        #expect(
            result.structured?["totals"]
                == [["currency": "usd", "gross_cents": 4999, "refunded_cents": 0, "net_cents": 4999]])
        #expect(result.structured?["stripe"]?["status"] == "ok")
        #expect(result.structured?["stripe"]?["customer"]?["id"] == .string(ada.stripeCustomerID ?? ""))
        #expect(result.toolText?.contains("USD: paid $49.99, refunded $0.00, net $49.99.") == true)
    }

    @Test("lookup_customer refuses an unknown email and a missing one")
    func lookupRefusals() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let unknown = await world.call("lookup_customer", ["email": "nobody@example.com"])
        #expect(unknown.toolIsError)
        #expect(unknown.toolText == Self.unknownCustomer)
        #expect(unknown.structured == nil)
        let missing = await world.call("lookup_customer", [:])
        #expect(missing.toolText == "Invalid arguments: \"email\" is required.")
    }

    @Test("list_payments lists Stripe's payments joined to their orders, by email or customer id")
    func listPayments() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        let order = try world.addOrder("o1", for: ada, amount: 4999)
        let byEmail = await world.call("list_payments", ["email": "ada@example.com", "limit": 5])
        #expect(!byEmail.toolIsError)
        let payments = byEmail.structured?["payments"]?.arrayValue ?? []
        #expect(payments.count == 1)
        #expect(payments.first?["payment_intent_id"] == .string(order.paymentIntentID ?? ""))
        #expect(payments.first?["order_id"] == "o1")
        #expect(byEmail.structured?["has_more"] == false)
        let byID = await world.call("list_payments", ["customer_id": .string(ada.stripeCustomerID ?? "")])
        #expect(byID.structured?["customer"]?["email"] == "ada@example.com")
        #expect(byID.structured?["payments"]?.arrayValue?.count == 1)
    }

    @Test("list_payments needs exactly one of email and customer_id, and a limit from 1 to 100")
    func listPaymentsRefusals() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let neither = await world.call("list_payments", [:])
        #expect(neither.toolIsError)
        #expect(neither.toolText == "Give exactly one of email or customer_id (cus_…).")
        let both = await world.call("list_payments", ["email": "a@example.com", "customer_id": "cus_1"])
        #expect(both.toolText == "Give exactly one of email or customer_id (cus_…).")
        let tooMany = await world.call("list_payments", ["email": "a@example.com", "limit": 101])
        #expect(tooMany.toolText == "Invalid arguments: \"limit\" must be at most 100.")
        let unlinked = try world.addCustomer("bob@example.com", linked: false)
        let result = await world.call("list_payments", ["email": .string(unlinked.email)])
        #expect(
            result.toolText
                == "This customer is not linked to a Stripe customer, so Stripe holds no payments for them. Use "
                + "get_order_history to see their orders.")
    }

    @Test("get_order_history pages the orders with refunded and refundable amounts")
    func orderHistory() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        try world.addOrder("o1", for: ada, amount: 4999, daysAgo: 3)
        try world.addOrder("o2", for: ada, amount: 500_000, currency: "jpy", daysAgo: 1)
        let first = await world.call("get_order_history", ["email": "ada@example.com", "limit": 1])
        #expect(first.structured?["orders"]?.arrayValue?.compactMap { $0["order_id"] } == ["o2"])
        #expect(first.structured?["orders"]?.arrayValue?.first?["refundable_cents"] == 500_000)
        let cursor = try #require(first.structured?["next_cursor"]?.stringValue)
        let second = await world.call(
            "get_order_history", ["email": "ada@example.com", "limit": 1, "cursor": .string(cursor)])
        #expect(second.structured?["orders"]?.arrayValue?.compactMap { $0["order_id"] } == ["o1"])
        #expect(second.structured?["next_cursor"] == .null)
        let tooMany = await world.call("get_order_history", ["email": "ada@example.com", "limit": 201])
        #expect(tooMany.toolText == "Invalid arguments: \"limit\" must be at most 200.")
    }

    @Test("create_payment_link creates one link, and an identical retry returns the same one")
    func paymentLink() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let arguments: JSONValue = ["amount_cents": 4999, "description": "Annual plan", "currency": "EUR"]
        let first = await world.call("create_payment_link", arguments)
        #expect(!first.toolIsError)
        #expect(first.structured?["amount_cents"] == 4999)
        #expect(first.structured?["currency"] == "eur")
        #expect(first.structured?["quantity"] == 1)
        #expect(first.structured?["url"]?.stringValue?.isEmpty == false)
        let retry = await world.call("create_payment_link", arguments)
        #expect(retry.structured?["payment_link_id"] == first.structured?["payment_link_id"])
        #expect(world.stripe?.paymentLinkCount == 1)
    }

    @Test(
        "create_payment_link refuses out-of-bounds arguments before Stripe",
        arguments: [
            (["amount_cents": 0, "description": "x"], "Invalid arguments: \"amount_cents\" must be at least 1."),
            (
                ["amount_cents": 100_000_000, "description": "x"],
                "Invalid arguments: \"amount_cents\" must be at most 99999999."
            ),
            (
                ["amount_cents": 100, "description": "x", "currency": "us"],
                "Invalid arguments: \"currency\" must match the pattern ^[a-zA-Z]{3}$."
            ),
            (
                ["amount_cents": 100, "description": "x", "quantity": 100],
                "Invalid arguments: \"quantity\" must be at most 99."
            ),
            (
                ["amount_cents": 100, "description": ""],
                "Invalid arguments: \"description\" must be at least 1 character long."
            ),
            (
                ["amount_cents": 100, "description": "x", "price": 1],
                "Invalid arguments: \"price\" is not allowed; allowed: amount_cents, currency, description, quantity."
            ),
        ] as [(JSONValue, String)])
    func paymentLinkRefusals(arguments: JSONValue, message: String) async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let result = await world.call("create_payment_link", arguments)
        #expect(result.toolIsError)
        #expect(result.toolText == message)
        #expect(world.stripe?.writeCount == 0)
    }

    @Test("revenue_summary sums the range per currency, and refuses bad dates in words")
    func revenue() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        for (index, amount) in [4999, 9999, 2999].enumerated() {
            try world.addOrder("o\(index)", for: ada, amount: amount, daysAgo: 0)
        }
        let today = CalendarDate(utcDayOf: Date()).description
        let result = await world.call("revenue_summary", ["start_date": .string(today), "end_date": .string(today)])
        #expect(result.structured?["orders"] == 3)
        #expect(
            result.structured?["currencies"]
                == [["currency": "usd", "orders": 3, "gross_cents": 17997, "refunded_cents": 0, "net_cents": 17997]])
        let impossible = await world.call("revenue_summary", ["start_date": "2026-02-30", "end_date": "2026-03-01"])
        #expect(impossible.toolText == "start_date must be a date written YYYY-MM-DD, such as 2026-01-31.")
        let reversed = await world.call("revenue_summary", ["start_date": "2026-03-02", "end_date": "2026-03-01"])
        #expect(reversed.toolText == "start_date must be on or before end_date.")
        let format = await world.call("revenue_summary", ["start_date": "1/3/2026", "end_date": "2026-03-01"])
        #expect(format.toolText == "Invalid arguments: \"start_date\" must match the pattern ^\\d{4}-\\d{2}-\\d{2}$.")
    }

    @Test("flag_for_review records a flag by payment_intent_id or its alias charge_id")
    func flag() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        let order = try world.addOrder("o1", for: ada, amount: 4999)
        let paymentIntentID = JSONValue.string(order.paymentIntentID ?? "")
        let result = await world.call("flag_for_review", ["charge_id": paymentIntentID, "note": "Card testing?"])
        #expect(!result.toolIsError)
        #expect(result.structured?["order_id"] == "o1")
        #expect(result.structured?["payment_intent_id"] == paymentIntentID)
        #expect(result.structured?["flagged_by"] == "ai-assistant")
        #expect(result.structured?["note"] == "Card testing?")
    }

    @Test("flag_for_review refuses an unknown payment, a missing id and two different ids")
    func flagRefusals() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let unknown = await world.call("flag_for_review", ["payment_intent_id": "pi_unknown", "note": "why"])
        #expect(unknown.toolIsError)
        #expect(
            unknown.toolText
                == "No order records that PaymentIntent. Check the id (pi_…) with list_payments or get_order_history.")
        let missing = await world.call("flag_for_review", ["note": "why"])
        #expect(
            missing.toolText
                == "payment_intent_id is required (charge_id is accepted as its alias): the pi_… id of the payment to "
                + "flag, as list_payments or get_order_history show it.")
        let both = await world.call(
            "flag_for_review", ["payment_intent_id": "pi_1", "charge_id": "pi_2", "note": "why"])
        #expect(
            both.toolText
                == "payment_intent_id and charge_id name the same thing; give one of them, not two different ids.")
    }

    @Test("without a Stripe key, Stripe-backed tools say so and database tools still answer")
    func stripeNotConfigured() async throws {
        let world = try CatalogWorld(stripe: false)
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        try world.addOrder("o1", for: ada, amount: 4999)
        let payments = await world.call("list_payments", ["customer_id": "cus_123"])
        #expect(payments.toolIsError)
        #expect(
            payments.toolText
                == "Stripe is not configured: set STRIPE_API_KEY (a sk_test_… or rk_test_… key) in the server's "
                + "environment or .env file and restart it. Tools that only read the orders database still work.")
        let history = await world.call("get_order_history", ["email": "ada@example.com"])
        #expect(history.structured?["orders"]?.arrayValue?.count == 1)
    }
}
