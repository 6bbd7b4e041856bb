import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Order queries, on every engine")
struct OrderConformanceTests {
    let ann = Samples.customer("ann@example.com")
    let bob = Samples.customer("bob@example.com")

    @Test(
        "orders are found by id and by PaymentIntent, and a page of PaymentIntents in one call",
        arguments: TestEngine.available)
    func lookups(engine: TestEngine) async throws {
        let first = Samples.order(customerID: ann.id, paymentIntentID: "pi_\"quoted\\")
        let second = Samples.order(customerID: bob.id, amountCents: 700, currency: "jpy", paymentIntentID: "pi_second")
        try await engine.withStore(customers: [ann, bob]) { store throws in
            try await store.write { transaction throws in
                try transaction.insertOrder(first)
                try transaction.insertOrder(second)
            }
            try await store.read { transaction throws in
                #expect(try transaction.order(id: first.id) == first)
                #expect(try transaction.order(id: "none") == nil)
                #expect(try transaction.order(paymentIntentID: "pi_second") == second)
                #expect(try transaction.order(paymentIntentID: "pi_none") == nil)
                #expect(
                    try transaction.orders(paymentIntentIDs: ["pi_\"quoted\\", "pi_second", "pi_none", "pi_\"quoted\\"])
                        == ["pi_\"quoted\\": first, "pi_second": second])
                #expect(try transaction.orders(paymentIntentIDs: []) == [:])
            }
        }
    }

    @Test("a long list of PaymentIntents is looked up whole", arguments: TestEngine.available)
    func longPaymentIntentList(engine: TestEngine) async throws {
        let orders = (0..<1_100).map { Samples.order(customerID: ann.id, paymentIntentID: "pi_\($0)") }
        try await engine.withStore(customers: [ann]) { store throws in
            try await store.write { transaction throws in
                for order in orders { try transaction.insertOrder(order) }
            }
            let found = try await store.read { try $0.orders(paymentIntentIDs: orders.compactMap(\.paymentIntentID)) }
            #expect(found.count == 1_100)
            #expect(found["pi_1099"] == orders[1_099])
        }
    }

    @Test(
        "keyset paging lists newest first and stays stable while orders are inserted", arguments: TestEngine.available)
    func keysetPagingIsStable(engine: TestEngine) async throws {
        // Thirty orders over ten distinct times, so ties on created_at are broken by id.
        let original: [Order] = (0..<30).map { (index: Int) -> Order in
            let id = index < 10 ? "order-0\(index)" : "order-\(index)"
            let minutes = Double(index / 3) * 60
            return Samples.order(customerID: ann.id, id: id, createdAt: Samples.instant.addingTimeInterval(minutes))
        }
        try await engine.withStore(customers: [ann, bob]) { [ann, bob] store throws in
            try await store.write { transaction throws in
                for order in original.shuffled() { try transaction.insertOrder(order) }
                try transaction.insertOrder(Samples.order(customerID: bob.id))
            }
            var listed: [Order] = []
            var cursor: OrderCursor?
            var inserted = 0
            repeat {
                let after = cursor
                let page = try await store.read { try $0.orders(customerID: ann.id, limit: 7, after: after) }
                listed += page
                cursor = page.last.map(OrderCursor.init(after:))
                // Newer orders arrive between pages, including one tied with the newest original time.
                inserted += 1
                let late = Samples.order(
                    customerID: ann.id, id: "late-\(inserted)",
                    createdAt: Samples.instant.addingTimeInterval(inserted == 1 ? 9 * 60 : 3_600))
                try await store.write { try $0.insertOrder(late) }
            } while cursor != nil
            let expected = original.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
            #expect(listed.map(\.id) == expected.map(\.id))
            #expect(inserted == 6)
        }
    }

    @Test(
        "a page of orders carries each order's refund sums, zero for orders never refunded",
        arguments: TestEngine.available)
    func refundedOrders(engine: TestEngine) async throws {
        let orders = (0..<3).map { index in
            Samples.order(
                customerID: ann.id, amountCents: 10_000,
                createdAt: Samples.instant.addingTimeInterval(Double(index) * 60))
        }
        try await engine.withStore(customers: [ann]) { [ann] store throws in
            try await store.write { transaction throws in
                for order in orders { try transaction.insertOrder(order) }
                for (index, cents, status) in [
                    (0, 300, RefundLogStatus.succeeded), (0, 200, .succeeded), (0, 50, .pending), (1, 999, .failed),
                ] {
                    try transaction.insertRefundLogEntry(
                        Samples.refund(orderID: orders[index].id, amountCents: cents, status: status))
                }
                var accepted = Samples.refund(orderID: orders[0].id, amountCents: 25, status: .pending)
                accepted.stripeRefundID = "re_accepted"
                try transaction.insertRefundLogEntry(accepted)
            }
            let page = try await store.read { try $0.refundedOrders(customerID: ann.id, limit: 10, after: nil) }
            #expect(
                page == [
                    RefundedOrder(order: orders[2]), RefundedOrder(order: orders[1]),
                    RefundedOrder(order: orders[0], succeededCents: 500, pendingCents: 75),
                ])
            let rest = try await store.read {
                try $0.refundedOrders(customerID: ann.id, limit: 2, after: OrderCursor(after: orders[1]))
            }
            #expect(rest.map(\.order.id) == [orders[0].id])
        }
    }

    @Test("the most recent order in a status, counts by status, and status updates", arguments: TestEngine.available)
    func statusQueries(engine: TestEngine) async throws {
        let old = Samples.order(customerID: ann.id, createdAt: Samples.time("2026-01-01 00:00:00"))
        let recent = Samples.order(customerID: ann.id, createdAt: Samples.time("2026-06-01 00:00:00"))
        let refunded = Samples.order(
            customerID: ann.id, status: .refunded, createdAt: Samples.time("2026-07-01 00:00:00"))
        try await engine.withStore(customers: [ann]) { [ann] store throws in
            try await store.write { transaction throws in
                for order in [old, recent, refunded] { try transaction.insertOrder(order) }
            }
            try await store.read { transaction throws in
                #expect(try transaction.mostRecentOrder(customerID: ann.id, status: .paid) == recent)
                #expect(try transaction.mostRecentOrder(customerID: ann.id, status: .refunded) == refunded)
                #expect(try transaction.mostRecentOrder(customerID: ann.id, status: .partiallyRefunded) == nil)
                #expect(
                    try transaction.orderCounts(customerID: ann.id)
                        == OrderCounts(total: 3, paid: 2, partiallyRefunded: 0, refunded: 1))
                #expect(
                    try transaction.orderCounts(customerID: "nobody")
                        == OrderCounts(total: 0, paid: 0, partiallyRefunded: 0, refunded: 0))
            }
            try await store.write { try $0.setOrderStatus(.partiallyRefunded, orderID: recent.id) }
            #expect(try await store.read { try $0.order(id: recent.id) }?.status == .partiallyRefunded)
            let error = await #expect(throws: StoreError.self) {
                try await store.write { try $0.setOrderStatus(.refunded, orderID: "missing") }
            }
            #expect(error?.message == "No row in orders has that id")
        }
    }
}
