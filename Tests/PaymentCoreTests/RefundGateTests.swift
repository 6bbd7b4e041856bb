import FoundationEssentials
import OrdersStore
import PaymentCore
import Testing

@Suite("issue_refund previews, and refunds only with a valid confirmation token")
struct RefundGateTests {
    /// A world with jane@example.com and one paid $49.99 order, 10 days old.
    static func world() throws -> TestWorld {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        try world.addOrder("o1", for: jane, amount: 4999, daysAgo: 10, paymentIntentID: "pi_1")
        return world
    }

    @Test("a preview writes nothing to the journal and calls no Stripe write")
    func previewMovesNothing() async throws {
        let world = try Self.world()

        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))

        #expect(preview.status == .preview)
        #expect(preview.orderID == "o1")
        #expect(preview.paymentIntentID == "pi_1")
        #expect(preview.amountCents == 4999)
        #expect(preview.refundableCents == 4999)
        #expect(preview.reason == .requestedByCustomer)
        #expect(preview.orderAgeDays == 10)
        #expect(preview.confirmationToken?.hasPrefix("rfa_") == true)
        #expect((preview.confirmationToken?.count ?? 0) >= 28)
        #expect(preview.expiresAt == TestWorld.start + 600)
        #expect(try world.journal("o1").isEmpty)
        #expect(try world.order("o1")?.status == .paid)
        #expect(world.gateway.writes.isEmpty)
        #expect(!preview.approvalTimedOut)
    }

    @Test("confirming with the token refunds, writes the journal and sets the order status")
    func confirm() async throws {
        let world = try Self.world()
        let preview = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", note: "arrived broken"))

        let done = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken))

        #expect(done.status == .refunded)
        #expect(done.amountCents == 4999)
        #expect(done.note == "arrived broken")
        #expect(done.stripeRefundID == "re_test1")
        #expect(done.stripeRefundStatus == "succeeded")
        #expect(done.orderStatus == .refunded)
        #expect(done.approvedVia == "confirmation_token")
        let journal = try world.journal("o1")
        #expect(journal.count == 1)
        #expect(journal.first?.id == done.refundLogID)
        #expect(journal.first?.status == .succeeded)
        #expect(journal.first?.stripeRefundID == "re_test1")
        #expect(journal.first?.refundedBy == "ai-assistant")
        #expect(journal.first?.approvedVia == "confirmation_token")
        #expect(journal.first?.note == "arrived broken")
        #expect(journal.first?.idempotencyKey == "payment-ops-refund-\(done.refundLogID ?? "")")
        #expect(try world.order("o1")?.status == .refunded)
        #expect(
            world.gateway.writes == [
                .createRefund(
                    paymentIntentID: "pi_1", amount: 4999, reason: .requestedByCustomer,
                    metadata: ["payment_ops_refund_log_id": done.refundLogID ?? "", "payment_ops_order_id": "o1"],
                    idempotencyKey: "payment-ops-refund-\(done.refundLogID ?? "")")
            ])
    }

    @Test("a refund of a specific PaymentIntent picks that order")
    func specificPaymentIntent() async throws {
        let world = try Self.world()
        let jane = try await #require(try world.store.read { db in try db.customer(email: "jane@example.com") })
        try world.addOrder("o2", for: jane, amount: 1500, daysAgo: 2, paymentIntentID: "pi_2")

        let preview = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", paymentIntentID: "pi_1", amountCents: 1000, reason: .duplicate))

        #expect(preview.orderID == "o1")
        #expect(preview.amountCents == 1000)
        #expect(preview.reason == .duplicate)
        let mostRecent = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        #expect(mostRecent.orderID == "o2")
    }

    @Test("a customer with no paid orders is told so")
    func noPaidOrders() async throws {
        let world = try TestWorld()
        try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        }
        #expect(
            error?.message
                == "This customer has no paid orders to refund. Use get_order_history to see their orders, and name "
                + "the payment with payment_intent_id to refund a partially refunded one.")
    }

    @Test("an order 91 days old is outside the 90-day window")
    func windowRejection() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        try world.addOrder("old", for: jane, amount: 4999, daysAgo: 91, paymentIntentID: "pi_old")
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        }
        #expect(error?.kind == .refused)
        #expect(
            error?.message
                == "Order old is 91 days old; refunds are allowed up to 90 days after the order. Nothing was "
                + "refunded. Tell the user the order is outside the refund window.")
        #expect(world.gateway.calls.isEmpty)
    }

    @Test(
        "89 and 90 days old are refundable, 91 is not",
        arguments: [(89.0, true), (90.0, true), (90.99, true), (91.0, false)])
    func windowBoundary(daysAgo: Double, refundable: Bool) async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        try world.addOrder("o", for: jane, amount: 100, daysAgo: daysAgo, paymentIntentID: "pi_o")
        let request = RefundRequest(email: "jane@example.com")
        if refundable {
            #expect(try await world.service.issueRefund(request).orderAgeDays == Int(daysAgo))
        } else {
            await #expect(throws: PaymentError.self) { try await world.service.issueRefund(request) }
        }
    }

    @Test("a PaymentIntent in another currency than its order is refused")
    func currencyMismatch() async throws {
        let world = try Self.world()
        world.gateway.addPaymentIntent(id: "pi_1", customer: "cus_jane", amount: 4999, currency: "eur")

        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        }

        #expect(
            error?.message
                == "PaymentIntent pi_1 is in EUR at Stripe, but order o1 is recorded in USD. Nothing was refunded; "
                + "escalate to a person who can check the order against the payment.")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("a PaymentIntent whose charge Stripe did not include is refused, not taken as never refunded")
    func chargeNotExpanded() async throws {
        let world = try Self.world()
        world.gateway.add(
            ProcessorPayment(
                id: "pi_1", amount: 4999, currency: "usd", status: "succeeded",
                createdAt: Date(timeIntervalSince1970: 1_780_000_000), customerID: "cus_jane", latestChargeID: "ch_1"))

        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        }

        #expect(
            error?.message
                == "Stripe's answer for PaymentIntent pi_1 did not include its charge, so the refunds already made "
                + "on it cannot be checked. Nothing was refunded; try again, and escalate if this keeps happening.")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("a PaymentIntent without a charge has nothing to refund")
    func noCharge() async throws {
        let world = try Self.world()
        world.gateway.add(
            ProcessorPayment(
                id: "pi_1", amount: 4999, currency: "usd", status: "requires_payment_method",
                createdAt: Date(timeIntervalSince1970: 1_780_000_000), customerID: "cus_jane"))

        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        }

        #expect(
            error?.message
                == "PaymentIntent pi_1 has no charge at Stripe (its status is requires_payment_method), so nothing "
                + "was collected that could be refunded. Nothing was refunded.")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("impossible amounts written by another system are refused with a message, not a crash")
    func absurdAmounts() async throws {
        let world = try TestWorld()
        let jane = try world.addCustomer("jane@example.com", stripeID: "cus_jane")
        let order = try world.addOrder("huge", for: jane, amount: Int.max, daysAgo: 1, paymentIntentID: "pi_huge")
        try await world.store.write { db in
            try db.insertRefundLogEntry(
                RefundLogEntry(
                    id: "negative", orderID: order.id, amountCents: -5, currency: "usd", reason: nil,
                    refundedBy: "legacy", status: .pending, idempotencyKey: nil, createdAt: TestWorld.start))
        }

        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        }
        let history = try await world.service.orderHistory(email: "jane@example.com")

        #expect(error?.kind == .refused)
        #expect(
            error?.message
                == "Order huge records amounts too large to compute what remains refundable; the orders database "
                + "holds an impossible amount for it. Nothing was refunded; escalate to a person who can check the "
                + "order in the database.")
        #expect(world.gateway.writes.isEmpty)
        #expect(history.orders.map(\.refundableCents) == [0])
    }

    /// A partial refund leaves money refundable; a full one leaves none, which must not hide that the token was used.
    @Test(
        "a token works once, and a second use is refused as used, after a partial or a full refund",
        arguments: [1000, nil] as [Int?])
    func singleUse(amount: Int?) async throws {
        let world = try Self.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com", amountCents: amount))
        let confirm = RefundRequest(
            email: "jane@example.com", amountCents: amount, confirmed: true,
            confirmationToken: preview.confirmationToken)
        _ = try await world.service.issueRefund(confirm)

        let error = await #expect(throws: PaymentError.self) { try await world.service.issueRefund(confirm) }

        #expect(
            error?.message
                == "That confirmation_token was already used (approved); a token works once. Nothing more was "
                + "refunded. Preview again only if the user wants another refund.")
        #expect(world.gateway.writes.count == 1)
        #expect(try world.journal("o1").count == 1)
    }

    @Test("two previews of one refund cannot make two refunds: using one token supersedes the other")
    func previewsOfOneRefund() async throws {
        let world = try Self.world()
        let request = RefundRequest(email: "jane@example.com", amountCents: 2000)
        let first = try await world.service.issueRefund(request)
        let second = try await world.service.issueRefund(request)
        let confirm = { (preview: RefundResult) in
            RefundRequest(
                email: "jane@example.com", amountCents: 2000, confirmed: true,
                confirmationToken: preview.confirmationToken)
        }

        let done = try await world.service.issueRefund(confirm(first))
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(confirm(second))
        }

        #expect(done.status == .refunded)
        #expect(
            error?.message
                == "That confirmation_token was superseded: another refund of order o1 was made after it was "
                + "issued. Nothing more was refunded. Preview again only if the user wants another refund.")
        #expect(world.gateway.writes.count == 1)
        #expect(try world.journal("o1").map(\.amountCents) == [2000])
    }

    @Test("a refund approved by the human supersedes the order's unused preview tokens")
    func approvalSupersedesPreviews() async throws {
        let world = try Self.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com", amountCents: 2000))

        _ = try await world.service.issueRefund(
            RefundRequest(email: "jane@example.com", amountCents: 2000, confirmed: true),
            approver: FixedApprover(.approved))
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(
                    email: "jane@example.com", amountCents: 2000, confirmed: true,
                    confirmationToken: preview.confirmationToken))
        }

        #expect(error?.message.hasPrefix("That confirmation_token was superseded") == true)
        #expect(world.gateway.writes.count == 1)
    }

    @Test("a token for another amount is refused")
    func wrongAmount() async throws {
        let world = try Self.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com", amountCents: 1000))
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(
                    email: "jane@example.com", amountCents: 4999, confirmed: true,
                    confirmationToken: preview.confirmationToken))
        }
        #expect(
            error?.message
                == "That confirmation_token was issued for a different refund (the order, amount or reason differ). "
                + "Nothing was refunded. Preview the refund you mean to make, show it to the user, and confirm with "
                + "that preview's token.")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("an expired token is refused")
    func expired() async throws {
        let world = try Self.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))
        world.clock.advance(by: 601)
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken))
        }
        #expect(
            error?.message
                == "That confirmation_token expired at 2026-11-27T12:10:00Z. Nothing was refunded. Call issue_refund "
                + "without confirmed for a fresh preview and ask the user again.")
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("another customer's order cannot be refunded, with or without a token")
    func anotherCustomersOrder() async throws {
        let world = try Self.world()
        try world.addCustomer("mallory@example.com", stripeID: "cus_mallory")
        let message =
            "That payment belongs to a different customer than the email given. Nothing was refunded; check the "
            + "email and the PaymentIntent with list_payments."

        let preview = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "mallory@example.com", paymentIntentID: "pi_1"))
        }
        #expect(preview?.message == message)

        let token = try await world.service.issueRefund(RefundRequest(email: "jane@example.com")).confirmationToken
        let confirm = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(email: "mallory@example.com", confirmed: true, confirmationToken: token))
        }
        #expect(confirm?.message == message)
        #expect(world.gateway.writes.isEmpty)
    }

    @Test("confirmed without a token is refused before anything is looked up")
    func confirmedWithoutToken() async throws {
        let world = try Self.world()
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com", confirmed: true))
        }
        #expect(
            error?.message
                == "confirmed: true needs the confirmation_token from a preview of this refund. Call issue_refund "
                + "without confirmed, show the user the preview, and confirm only if they approve.")
        #expect(world.gateway.calls.isEmpty)
    }

    @Test("a made-up token is refused")
    func unknownToken() async throws {
        let world = try Self.world()
        let error = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(
                RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: "rfa_madeup"))
        }
        #expect(
            error?.message
                == "That confirmation_token is not one this server issued. Nothing was refunded. Call issue_refund "
                + "without confirmed to preview the refund and get a token.")
    }

    @Test("a token issued by one server process works in another on the same database")
    func secondProcess() async throws {
        let world = try Self.world()
        let preview = try await world.service.issueRefund(RefundRequest(email: "jane@example.com"))

        let done = try await world.secondProcess().issueRefund(
            RefundRequest(email: "jane@example.com", confirmed: true, confirmationToken: preview.confirmationToken))

        #expect(done.status == .refunded)
    }

    @Test("bad arguments are refused with what is expected")
    func badArguments() async throws {
        let world = try Self.world()
        let amount = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com", amountCents: 0))
        }
        #expect(
            amount?.message
                == "amount_cents must be a whole number of the currency's smallest unit, from 1 to 99,999,999 (4999 is "
                + "$49.99).")
        let charge = await #expect(throws: PaymentError.self) {
            try await world.service.issueRefund(RefundRequest(email: "jane@example.com", paymentIntentID: "ch_1"))
        }
        #expect(
            charge?.message
                == "payment_intent_id must be a Stripe PaymentIntent id starting with pi_; list_payments shows them.")
    }
}
