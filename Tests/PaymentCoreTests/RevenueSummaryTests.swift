import OrdersStore
import PaymentCore
import Testing

@Suite("revenue_summary sums orders and refunds per currency")
struct RevenueSummaryTests {
    @Test("three paid orders sum to 179.97 USD")
    func threeOrders() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com")
        try world.addOrder("o1", for: jane, amount: 4999, daysAgo: 1)
        try world.addOrder("o2", for: jane, amount: 9999, daysAgo: 2)
        try world.addOrder("o3", for: jane, amount: 2999, daysAgo: 3)

        let summary = try await world.service.revenueSummary(start: "2026-11-01", end: "2026-11-30")

        #expect(summary.orders == 3)
        #expect(summary.currencies.count == 1)
        #expect(summary.currencies.first?.currency == "usd")
        #expect(summary.currencies.first?.grossCents == 17997)
        #expect(summary.currencies.first?.refundedCents == 0)
        #expect(summary.currencies.first?.netCents == 17997)
        #expect(summary.startDate.description == "2026-11-01" && summary.endDate.description == "2026-11-30")
    }

    @Test("succeeded refunds are subtracted, per currency")
    func refunds() async throws {
        let world = try RefundGateTests.world()
        let jane = try await #require(try world.store.read { db in try db.customer(email: "jane@example.com") })
        try world.addOrder("yen", for: jane, amount: 5000, currency: "jpy", daysAgo: 1)
        _ = try await RefundExecutionTests.refund(world, paymentIntentID: "pi_1", amount: 999)

        let summary = try await world.service.revenueSummary(start: "2026-11-01", end: "2026-11-27")

        #expect(summary.orders == 2)
        #expect(summary.currencies.map(\.currency) == ["jpy", "usd"])
        #expect(summary.currencies.last?.refundedCents == 999)
        #expect(summary.currencies.last?.netCents == 4000)
    }

    @Test("a range without orders says so")
    func noOrders() async throws {
        let world = try TestWorld()
        let summary = try await world.service.revenueSummary(start: "2020-01-01", end: "2020-01-31")
        #expect(summary.orders == 0)
        #expect(summary.currencies.isEmpty)
    }

    @Test("a bad date names the expected format", arguments: ["2026-13-01", "2026-02-30", "yesterday", "2026-1-1", ""])
    func badDate(text: String) async throws {
        let world = try TestWorld()
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.revenueSummary(start: text, end: "2026-12-31")
        }
        #expect(error?.message == "start_date must be a date written YYYY-MM-DD, such as 2026-01-31.")
    }

    @Test("start after end and ranges of ten years or more are refused")
    func bounds() async throws {
        let world = try TestWorld()
        let reversed = await #expect(throws: PaymentError.self) {
            try await world.service.revenueSummary(start: "2026-02-01", end: "2026-01-31")
        }
        #expect(reversed?.message == "start_date must be on or before end_date.")
        let long = await #expect(throws: PaymentError.self) {
            try await world.service.revenueSummary(start: "2016-01-01", end: "2026-01-01")
        }
        #expect(long?.message == "The range must be shorter than 10 years; split it into several summaries.")
        #expect(try await world.service.revenueSummary(start: "2016-01-02", end: "2026-01-01").orders == 0)
        #expect(
            try await world.service.revenueSummary(start: "2024-02-29", end: "2024-02-29").startDate
                == CalendarDate("2024-02-29"))
    }
}
