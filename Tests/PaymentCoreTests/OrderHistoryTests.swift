import FoundationEssentials
import OrdersStore
import PaymentCore
import Testing

@Suite("get_order_history pages a customer's orders with what remains refundable")
struct OrderHistoryTests {
    @Test("orders come newest first with refunded and refundable amounts")
    func withOrders() async throws {
        let world = try RefundGateTests.world()
        let jane = try await #require(try world.store.read { db in try db.customer(email: "jane@example.com") })
        try world.addOrder("o2", for: jane, amount: 1000, daysAgo: 1)
        _ = try await RefundExecutionTests.refund(world, paymentIntentID: "pi_1", amount: 999)

        let history = try await world.service.orderHistory(email: "jane@example.com")

        #expect(history.customer.email == "jane@example.com")
        #expect(history.orders.map(\.orderID) == ["o2", "o1"])
        #expect(history.orders[1].refundedCents == 999)
        #expect(history.orders[1].refundableCents == 4000)
        #expect(history.orders[1].status == .partiallyRefunded)
        #expect(history.orders[0].paymentIntentID == nil)
        #expect(history.nextCursor == nil)
        let expectedTimes = [TestWorld.start.addingTimeInterval(-86_400), TestWorld.start.addingTimeInterval(-864_000)]
        #expect(history.orders.map(\.createdAt) == expectedTimes)
        #expect(history.orders[0].refundableCents == 1000)
    }

    @Test("an order marked refunded without journal rows keeps what the journal leaves refundable")
    func refundableInFull() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com")
        try world.addOrder("paid", for: jane, amount: 500, daysAgo: 1)
        try world.addOrder("marked", for: jane, amount: 700, daysAgo: 2, status: .refunded)
        try world.addOrder("free", for: jane, amount: 0, daysAgo: 3)

        let history = try await world.service.orderHistory(email: "jane@example.com")

        #expect(history.orders.map(\.status) == [.paid, .refunded, .paid])
        #expect(history.orders.map(\.refundedCents) == [0, 0, 0])
        #expect(history.orders.map(\.refundableCents) == [500, 700, 0])
    }

    @Test("pending refunds count against what remains, whether or not Stripe has accepted them")
    func pendingRefunds() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com")
        let order = try world.addOrder("o1", for: jane, amount: 10_000)
        try await world.store.write { db in
            for (id, amount, stripeRefundID) in [("sent", 300, nil), ("accepted", 200, "re_1")]
                as [(String, Int, String?)]
            {
                try db.insertRefundLogEntry(
                    RefundLogEntry(
                        id: id, orderID: order.id, stripeRefundID: stripeRefundID, amountCents: amount, currency: "usd",
                        reason: nil, refundedBy: "ai-assistant", status: .pending, idempotencyKey: id,
                        createdAt: TestWorld.start))
            }
        }

        let history = try await world.service.orderHistory(email: "jane@example.com")

        #expect(history.orders.map(\.refundedCents) == [0])
        #expect(history.orders.map(\.refundableCents) == [9_500])
    }

    @Test("a customer without orders gets an empty history")
    func withoutOrders() async throws {
        let world = try TestWorld(stripe: false)
        try world.addCustomer("jane@example.com")
        let history = try await world.service.orderHistory(email: "jane@example.com")
        #expect(history.orders.isEmpty)
        #expect(history.nextCursor == nil)
    }

    @Test("the cursor pages through every order once")
    func paging() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com")
        for index in 1...5 {
            try world.addOrder("o\(index)", for: jane, amount: 100, daysAgo: Double(index))
        }

        var seen: [String] = []
        var cursor: String?
        repeat {
            let page = try await world.service.orderHistory(email: "jane@example.com", limit: 2, cursor: cursor)
            seen += page.orders.map(\.orderID)
            cursor = page.nextCursor
        } while cursor != nil

        #expect(seen == ["o1", "o2", "o3", "o4", "o5"])
    }

    @Test("a cursor not made by the server is refused", arguments: ["garbage!", "bm90LWEtY3Vyc29y", ""])
    func badCursor(cursor: String) async throws {
        let world = try TestWorld()
        try world.addCustomer("jane@example.com")
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.orderHistory(email: "jane@example.com", cursor: cursor)
        }
        #expect(
            error?.message
                == "cursor is not one get_order_history returned. Pass next_cursor from the previous page unchanged, "
                + "or omit it to start from the newest order.")
    }

    @Test("limit must be 1 to 200")
    func limit() async throws {
        let world = try TestWorld()
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.orderHistory(email: "jane@example.com", limit: 201)
        }
        #expect(error?.message == "limit must be between 1 and 200.")
    }
}
