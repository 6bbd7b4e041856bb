import DynamicJSON
import FoundationEssentials
import OrdersStore
import PaymentCore
import Testing

@testable import PaymentOpsMCP

@Suite("Resources customer:// and payment://, prompts, and completions through the engine")
struct ResourceAndPromptTests {
    @Test("both templates are listed")
    func templates() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let templates = await world.request("resources/templates/list").result?["resourceTemplates"]?.arrayValue
        #expect(
            templates?.compactMap { $0["uriTemplate"]?.stringValue } == [
                "customer://{email}", "payment://{payment_intent_id}",
            ])
        #expect(templates?.allSatisfy { $0["mimeType"] == "application/json" } == true)
    }

    @Test("customers are listed as customer:// resources, 100 per page, then the list ends")
    func listing() async throws {
        let world = try CatalogWorld(stripe: false)
        await world.initialize()
        for index in 0..<101 {
            try world.addCustomer("c\(1000 + index)+tag@example.com", linked: false)
        }
        let first = await world.request("resources/list").result
        let uris = first?["resources"]?.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []
        #expect(uris.count == 100)
        #expect(uris.first == "customer://c1000+tag@example.com")
        let cursor = try #require(first?["nextCursor"])
        let second = await world.request("resources/list", id: 2, params: ["cursor": cursor]).result
        #expect(second?["resources"]?.arrayValue?.compactMap { $0["uri"] } == ["customer://c1100+tag@example.com"])
        let last = await world.request("resources/list", id: 3, params: ["cursor": second?["nextCursor"] ?? .null])
        #expect(last.result?["resources"] == [])
        #expect(last.result?["nextCursor"] == nil)
    }

    @Test("customer:// reads the profile, with the email percent-encoded or not")
    func readCustomer() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada+vip@example.com")
        try world.addOrder("o1", for: ada, amount: 4999)
        for uri in ["customer://ada+vip@example.com", "customer://ada%2Bvip%40example.com"] {
            let contents = await world.request("resources/read", params: ["uri": .string(uri)]).result?["contents"]
            #expect(contents?.arrayValue?.first?["uri"] == .string(uri))
            #expect(contents?.arrayValue?.first?["mimeType"] == "application/json")
            let profile = try JSONCodec.parse(contents?.arrayValue?.first?["text"]?.stringValue ?? "")
            #expect(profile["customer"]?["email"] == "ada+vip@example.com")
            #expect(profile["orders"]?["total"] == 1)
            #expect(profile["stripe"]?["status"] == "ok")
        }
    }

    @Test(
        "unknown or malformed resources are not found",
        arguments: [
            "customer://nobody@example.com", "customer://%zz", "customer://", "payment://pi_unknown",
            "payment://nonsense", "other://x",
        ])
    func notFound(uri: String) async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let response = await world.request("resources/read", params: ["uri": .string(uri)])
        #expect(
            response == errorResponse(id: 1, code: -32002, message: "Resource not found", data: ["uri": .string(uri)]))
    }

    @Test("payment:// reads the order, the live PaymentIntent and the refund journal")
    func readPayment() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let ada = try world.addCustomer("ada@example.com")
        let order = try world.addOrder("o1", for: ada, amount: 4999)
        let paymentIntentID = order.paymentIntentID ?? ""
        let preview = await world.call("issue_refund", ["email": "ada@example.com", "amount_cents": 1000])
        let confirm: JSONValue = [
            "email": "ada@example.com", "amount_cents": 1000, "confirmed": true,
            "confirmation_token": preview.structured?["confirmation_token"] ?? .null,
        ]
        #expect(await world.call("issue_refund", confirm, id: 2).structured?["status"] == "refunded")
        let uri = "payment://" + paymentIntentID
        let contents = await world.request("resources/read", id: 3, params: ["uri": .string(uri)]).result?["contents"]
        let detail = try JSONCodec.parse(contents?.arrayValue?.first?["text"]?.stringValue ?? "")
        #expect(detail["payment_intent_id"] == .string(paymentIntentID))
        #expect(detail["order"]?["order_id"] == "o1")
        #expect(detail["order"]?["refundable_cents"] == 3999)
        #expect(detail["customer_email"] == "ada@example.com")
        #expect(detail["payment_intent"]?["amount_refunded_cents"] == 1000)
        #expect(detail["refunds"]?.arrayValue?.compactMap { $0["status"] } == ["succeeded"])
    }

    @Test("completion offers customer emails for {email}")
    func emailCompletion() async throws {
        let world = try CatalogWorld(stripe: false)
        await world.initialize()
        for email in ["ada@example.com", "adam@example.com", "bob@example.com"] {
            try world.addCustomer(email, linked: false)
        }
        let params: JSONValue = [
            "ref": ["type": "ref/resource", "uri": "customer://{email}"], "argument": ["name": "email", "value": "ad"],
        ]
        let completion = await world.request("completion/complete", params: params).result?["completion"]
        #expect(completion?["values"] == ["ada@example.com", "adam@example.com"])
    }

    @Test("prompts/list shows both prompts with their optional arguments")
    func promptList() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let prompts = await world.request("prompts/list").result?["prompts"]?.arrayValue ?? []
        #expect(prompts.compactMap { $0["name"]?.stringValue } == ["daily_revenue_report", "find_refund_candidates"])
        #expect(prompts.compactMap { $0["arguments"]?.arrayValue?.first?["required"] } == [false, false])
    }

    @Test(
        "daily_revenue_report compares the day with the one before it",
        arguments: [("2026-03-01", "2026-02-28"), ("2024-03-01", "2024-02-29"), ("2026-01-01", "2025-12-31")])
    func dailyReport(day: String, previous: String) async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let params: JSONValue = ["name": "daily_revenue_report", "arguments": ["date": .string(day)]]
        let result = await world.request("prompts/get", params: params).result
        #expect(result?["description"] == .string("Revenue report for \(day) (UTC)"))
        let text = result?["messages"]?.arrayValue?.first?["content"]?["text"]?.stringValue ?? ""
        #expect(text.contains("Call revenue_summary with start_date \(day) and end_date \(day)."))
        #expect(text.contains("Call revenue_summary with start_date \(previous) and end_date \(previous)"))
        #expect(text.contains("Do not issue refunds"))
    }

    @Test("daily_revenue_report defaults to today (UTC) and refuses a date it cannot read")
    func dailyReportArguments() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let today = CalendarDate(utcDayOf: Date()).description
        for arguments in [[:], ["date": ""]] as [JSONValue] {
            let result = await world.request(
                "prompts/get", params: ["name": "daily_revenue_report", "arguments": arguments])
            #expect(result.result?["description"] == .string("Revenue report for \(today) (UTC)"))
        }
        let bad = await world.request(
            "prompts/get", params: ["name": "daily_revenue_report", "arguments": ["date": "2026-02-30"]])
        #expect(
            bad
                == errorResponse(
                    id: 1, code: -32602,
                    message: "Invalid params: date must be a day written YYYY-MM-DD, such as 2026-01-31"))
    }

    @Test("find_refund_candidates looks back `days` days (7 by default) within the refund window")
    func refundCandidates() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        let now = Date()
        let today = CalendarDate(utcDayOf: now)
        let weekStart = CalendarDate(utcDayOf: now.addingTimeInterval(-6 * 86_400))
        let result = await world.request("prompts/get", params: ["name": "find_refund_candidates"]).result
        #expect(
            result?["description"] == .string("Refund candidates of the last 7 days (\(weekStart) to \(today), UTC)"))
        let text = result?["messages"]?.arrayValue?.first?["content"]?["text"]?.stringValue ?? ""
        #expect(text.contains("created within 10 minutes of each other"))
        #expect(text.contains("Not candidates: orders older than 90 days"))
        #expect(text.contains("confirm only with their explicit approval"))
        let single = await world.request(
            "prompts/get", id: 2, params: ["name": "find_refund_candidates", "arguments": ["days": "1"]])
        #expect(
            single.result?["description"] == .string("Refund candidates of the last day (\(today) to \(today), UTC)")
        )
        for days in ["0", "91", "seven"] {
            let bad = await world.request(
                "prompts/get", id: 3, params: ["name": "find_refund_candidates", "arguments": ["days": .string(days)]])
            #expect(
                bad
                    == errorResponse(
                        id: 3, code: -32602, message: "Invalid params: days must be a whole number from 1 to 90"))
        }
    }

    @Test(
        "the prompts' UTC day of an instant",
        arguments: [
            (0.0, "1970-01-01"), (-1.0, "1969-12-31"), (951_782_400, "2000-02-29"), (1_795_780_800, "2026-11-27"),
            (1_798_761_599, "2026-12-31"),
        ])
    func utcDay(seconds: Double, expected: String) {
        #expect(CalendarDate(utcDayOf: Date(timeIntervalSince1970: seconds)).description == expected)
    }

    @Test("prompt arguments complete: date with today and yesterday, days with 1, 7 and 30")
    func promptCompletion() async throws {
        let world = try CatalogWorld()
        await world.initialize()
        func complete(_ prompt: String, _ argument: String, _ value: String) async -> JSONValue? {
            let params: JSONValue = [
                "ref": ["type": "ref/prompt", "name": .string(prompt)],
                "argument": ["name": .string(argument), "value": .string(value)],
            ]
            return await world.request("completion/complete", params: params).result?["completion"]?["values"]
        }
        let today = CalendarDate(utcDayOf: Date())
        #expect(
            await complete("daily_revenue_report", "date", "")
                == [.string(today.description), .string(today.previousDay.description)])
        #expect(await complete("find_refund_candidates", "days", "") == ["1", "7", "30"])
        #expect(await complete("find_refund_candidates", "days", "3") == ["30"])
    }
}
