import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("PostgreSQL queries", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
struct PostgresQueryTests {
    @Test("customers are found by email ignoring case and spaces, by id and by Stripe id, and paged by email")
    func customers() async throws {
        try await TestPostgres.withMigratedStore { store in
            let ann = Samples.customer("Ann@Example.com")
            let bob = Samples.customer("bob@example.com")
            let percent = Samples.customer("100%_real@example.com")
            try await store.write { transaction throws in
                for customer in [ann, bob, percent] { try transaction.insertCustomer(customer) }
                try transaction.setStripeCustomerID("cus_ann", customerID: ann.id)
            }
            try await store.read { transaction throws in
                #expect(try transaction.customer(email: "  ann@EXAMPLE.com ")?.id == ann.id)
                #expect(try transaction.customer(id: bob.id)?.email == "bob@example.com")
                #expect(try transaction.customer(stripeCustomerID: "cus_ann")?.id == ann.id)
                #expect(try transaction.customer(email: "nobody@example.com") == nil)
                #expect(try transaction.customer(id: ann.id)?.createdAt == Samples.instant)
                let first = try transaction.customers(after: nil, limit: 2)
                #expect(first.map(\.email) == ["100%_real@example.com", "Ann@Example.com"])
                #expect(
                    try transaction.customers(after: first.last?.email, limit: 2).map(\.email) == ["bob@example.com"])
                #expect(try transaction.customerEmails(prefix: " A", limit: 10) == ["Ann@Example.com"])
                #expect(try transaction.customerEmails(prefix: "100%_", limit: 10) == ["100%_real@example.com"])
                #expect(try transaction.customerEmails(prefix: "1_0", limit: 10) == [])
            }
            let missing = await #expect(throws: StoreError.self) {
                try await store.write { try $0.setStripeCustomerID("cus_x", customerID: "nobody") }
            }
            #expect(missing?.kind == .rowNotFound)
        }
    }

    @Test("two emails differing only by case match exactly, else the lookup is ambiguous")
    func ambiguousEmail() async throws {
        try await TestPostgres.withMigratedStore { store in
            try await store.write { transaction throws in
                try transaction.insertCustomer(Samples.customer("Dup@Example.com"))
                try transaction.insertCustomer(Samples.customer("dup@example.com"))
            }
            #expect(try await store.read { try $0.customer(email: "dup@example.com") }?.email == "dup@example.com")
            let error = await #expect(throws: StoreError.self) {
                try await store.read { try $0.customer(email: "DUP@example.com") }
            }
            #expect(error == StoreError.ambiguousEmail)
        }
    }

    @Test("a duplicate keeps its SQLSTATE and names the constraint, never the value")
    func uniqueViolation() async throws {
        try await TestPostgres.withMigratedStore { store in
            try await store.write { try $0.insertCustomer(Samples.customer("private@example.com")) }
            let error = await #expect(throws: PostgresError.self) {
                try await store.write { try $0.insertCustomer(Samples.customer("private@example.com")) }
            }
            #expect(error?.isUniqueViolation == true)
            #expect(error?.statementName != nil)
            #expect(error?.sql?.hasPrefix("INSERT INTO customers") == true)
            #expect(error?.description.contains("private@example.com") == false)
            #expect(
                error?.description == "PostgreSQL refused a statement: duplicate key value violates unique constraint "
                    + "\"customers_email_key\" (SQLSTATE 23505)")
        }
    }

    @Test("orders page newest first by keyset, with their kept sums, and are found every other way")
    func orders() async throws {
        try await TestPostgres.withMigratedStore { store in
            let customer = Samples.customer()
            let older = Samples.order(
                customerID: customer.id, id: "o-a", createdAt: Samples.time("2026-11-01 10:00:00"))
            let tieA = Samples.order(
                customerID: customer.id, id: "o-b", status: .partiallyRefunded, paymentIntentID: "pi_\"quoted\\")
            let tieB = Samples.order(customerID: customer.id, id: "o-c", currency: "eur")
            try await store.write { transaction throws in
                try transaction.insertCustomer(customer)
                for order in [older, tieA, tieB] { try transaction.insertOrder(order) }
                try transaction.insertRefundLogEntry(
                    Samples.refund(orderID: tieA.id, amountCents: 1_000, status: .succeeded))
                try transaction.insertRefundLogEntry(
                    Samples.refund(orderID: tieA.id, amountCents: 500, status: .pending))
                try transaction.setOrderStatus(.refunded, orderID: older.id)
            }
            try await store.read { transaction throws in
                let first = try transaction.orders(customerID: customer.id, limit: 2, after: nil)
                #expect(first.map(\.id) == ["o-c", "o-b"])
                let rest = try transaction.orders(
                    customerID: customer.id, limit: 2, after: first.last.map(OrderCursor.init(after:)))
                #expect(rest.map(\.id) == ["o-a"])
                let refunded = try transaction.refundedOrders(customerID: customer.id, limit: 10, after: nil)
                #expect(
                    refunded.map { "\($0.order.id) \($0.succeededCents) \($0.pendingCents)" } == [
                        "o-c 0 0", "o-b 1000 500", "o-a 0 0",
                    ])
                #expect(try transaction.order(id: "o-b") == tieA)
                #expect(try transaction.order(paymentIntentID: "pi_\"quoted\\")?.id == "o-b")
                let byIntent = try transaction.orders(paymentIntentIDs: ["pi_\"quoted\\", "pi_o-c", "pi_none"])
                #expect(byIntent.mapValues(\.id) == ["pi_\"quoted\\": "o-b", "pi_o-c": "o-c"])
                #expect(try transaction.orders(paymentIntentIDs: []).isEmpty)
                #expect(try transaction.mostRecentOrder(customerID: customer.id, status: .paid)?.id == "o-c")
                #expect(try transaction.mostRecentOrder(customerID: customer.id, status: .refunded)?.id == "o-a")
                #expect(
                    try transaction.orderCounts(customerID: customer.id)
                        == OrderCounts(total: 3, paid: 1, partiallyRefunded: 1, refunded: 1))
                #expect(
                    try transaction.orderCounts(customerID: "nobody")
                        == OrderCounts(total: 0, paid: 0, partiallyRefunded: 0, refunded: 0))
            }
        }
    }

    @Test("the journal records, settles, fails and sums refunds; pending ones are listed oldest first")
    func refundLog() async throws {
        try await TestPostgres.withMigratedStore { store in
            let customer = Samples.customer()
            let order = Samples.order(customerID: customer.id, amountCents: 10_000)
            let settled = Samples.refund(orderID: order.id, amountCents: 1_000, status: .pending, id: "r1")
            let failed = Samples.refund(orderID: order.id, amountCents: 2_000, status: .pending, id: "r2")
            let accepted = Samples.refund(orderID: order.id, amountCents: 3_000, status: .pending, id: "r3")
            let waiting = Samples.refund(orderID: order.id, amountCents: 400, status: .pending, id: "r4")
            try await store.write { transaction throws in
                try transaction.insertCustomer(customer)
                try transaction.insertOrder(order)
                for entry in [settled, failed, accepted, waiting] { try transaction.insertRefundLogEntry(entry) }
                try transaction.settleRefund(id: "r1", stripeRefundID: "re_1", completedAt: Samples.instant)
                try transaction.failRefund(id: "r2", error: "card_declined", completedAt: Samples.instant)
                try transaction.recordStripeRefundID("re_3", id: "r3")
            }
            try await store.read { transaction throws in
                #expect(
                    try transaction.refundTotals(orderID: order.id)
                        == RefundTotals(succeededCents: 1_000, pendingCents: 3_400, pendingAtStripeCents: 3_000))
                #expect(try transaction.refundTotals(orderID: "nobody") == .zero)
                let entry = try transaction.refundLogEntry(id: "r2")
                #expect(entry?.status == .failed)
                #expect(entry?.error == "card_declined")
                #expect(entry?.completedAt == Samples.instant)
                #expect(try transaction.refundLogEntry(id: "r1")?.stripeRefundID == "re_1")
                #expect(try transaction.refundLogEntries(orderID: order.id).map(\.id) == ["r1", "r2", "r3", "r4"])
                #expect(try transaction.pendingRefunds().map(\.id) == ["r3", "r4"])
            }
            #expect(try await store.write { try $0.pendingRefunds() }.map(\.id) == ["r3", "r4"])
            let missing = await #expect(throws: StoreError.self) {
                try await store.write { try $0.failRefund(id: "nope", error: "x", completedAt: Samples.instant) }
            }
            #expect(missing?.kind == .rowNotFound)
        }
    }

    @Test("a token is used once, and a refund supersedes the order's other tokens")
    func approvals() async throws {
        try await TestPostgres.withMigratedStore { store in
            let customer = Samples.customer()
            let order = Samples.order(customerID: customer.id)
            let approvals = ["t1", "t2", "t3"].map { token in
                RefundApproval(
                    token: token, orderID: order.id, amountCents: 100, currency: "usd", reason: "duplicate",
                    note: "a note", expiresAt: Samples.instant)
            }
            try await store.write { transaction throws in
                try transaction.insertCustomer(customer)
                try transaction.insertOrder(order)
                for approval in approvals { try transaction.insertRefundApproval(approval) }
            }
            let (first, again, superseded) = try await store.write { transaction throws in
                (
                    try transaction.useRefundApproval(token: "t1", at: Samples.instant, outcome: "approved"),
                    try transaction.useRefundApproval(token: "t1", at: Samples.instant, outcome: "approved"),
                    try transaction.supersedeRefundApprovals(orderID: order.id, at: Samples.instant)
                )
            }
            #expect(first && !again)
            #expect(superseded == 2)
            try await store.read { transaction throws in
                #expect(try transaction.refundApproval(token: "t1")?.outcome == "approved")
                #expect(try transaction.refundApproval(token: "t2")?.outcome == RefundApproval.supersededOutcome)
                #expect(try transaction.refundApproval(token: "t3")?.usedAt == Samples.instant)
                #expect(try transaction.refundApproval(token: "none") == nil)
            }
        }
    }

    @Test("review flags are stored and listed oldest first")
    func reviewFlags() async throws {
        try await TestPostgres.withMigratedStore { store in
            let customer = Samples.customer()
            let order = Samples.order(customerID: customer.id)
            let flags = [
                ReviewFlag(
                    id: "f2", orderID: order.id, paymentIntentID: order.paymentIntentID, note: "later",
                    flaggedBy: "ai-assistant", createdAt: Samples.time("2026-11-28 10:00:00")),
                ReviewFlag(
                    id: "f1", orderID: order.id, paymentIntentID: nil, note: "first", flaggedBy: "support",
                    createdAt: Samples.instant),
            ]
            try await store.write { transaction throws in
                try transaction.insertCustomer(customer)
                try transaction.insertOrder(order)
                for flag in flags { try transaction.insertReviewFlag(flag) }
            }
            #expect(try await store.read { try $0.reviewFlags(orderID: order.id) } == flags.reversed())
        }
    }

    @Test("revenue sums orders, gross and succeeded refunds per currency over inclusive UTC days")
    func revenue() async throws {
        try await TestPostgres.withMigratedStore { store in
            let customer = Samples.customer()
            let orders = [
                Samples.order(
                    customerID: customer.id, amountCents: 1_000, createdAt: Samples.time("2026-11-01 00:00:00")),
                Samples.order(
                    customerID: customer.id, amountCents: 2_000, createdAt: Samples.time("2026-11-02 23:59:59.999999")),
                Samples.order(
                    customerID: customer.id, amountCents: 500, currency: "eur",
                    createdAt: Samples.time("2026-11-02 12:00:00")),
                Samples.order(
                    customerID: customer.id, amountCents: 9_999, createdAt: Samples.time("2026-11-03 00:00:00")),
            ]
            try await store.write { transaction throws in
                try transaction.insertCustomer(customer)
                for order in orders { try transaction.insertOrder(order) }
                try transaction.insertRefundLogEntry(
                    Samples.refund(orderID: orders[1].id, amountCents: 700, status: .succeeded))
                try transaction.insertRefundLogEntry(
                    Samples.refund(orderID: orders[1].id, amountCents: 50, status: .pending))
            }
            try await store.read { transaction throws in
                #expect(
                    try transaction.revenue(from: "2026-11-01", through: "2026-11-02") == [
                        CurrencyTotals(currency: "eur", orders: 1, grossCents: 500, refundedCents: 0),
                        CurrencyTotals(currency: "usd", orders: 2, grossCents: 3_000, refundedCents: 700),
                    ])
                #expect(try transaction.revenue(from: "2026-12-01", through: "2026-12-31") == [])
                #expect(
                    try transaction.customerTotals(customerID: customer.id) == [
                        CurrencyTotals(currency: "eur", orders: 1, grossCents: 500, refundedCents: 0),
                        CurrencyTotals(currency: "usd", orders: 3, grossCents: 12_999, refundedCents: 700),
                    ])
                #expect(throws: StoreError.invalidDate) {
                    try transaction.revenue(from: "2026-02-30", through: "2026-03-01")
                }
            }
        }
    }

    @Test("a read transaction cannot write, and a failed statement rolls the whole transaction back")
    func transactions() async throws {
        try await TestPostgres.withMigratedStore { store in
            let readOnly = await #expect(throws: PostgresError.self) {
                try await store.read { try $0.insertCustomer(Samples.customer()) }
            }
            #expect(readOnly?.sqlState == "25006")
            let customer = Samples.customer()
            await #expect(throws: PostgresError.self) {
                try await store.write { transaction throws in
                    try transaction.insertCustomer(customer)
                    try transaction.insertOrder(Samples.order(customerID: "nobody"))
                }
            }
            let rolledBack = try await store.read { try $0.customer(id: customer.id) }
            #expect(rolledBack == nil)
        }
    }
}
