import Testing

@testable import OrdersStore

@Suite("Customer queries, on every engine")
struct CustomerConformanceTests {
    @Test("email lookup ignores surrounding spaces and letter case", arguments: TestEngine.available)
    func emailLookupIsForgiving(engine: TestEngine) async throws {
        let ann = Samples.customer("Ann.Example@Example.com")
        try await engine.withStore(customers: [ann]) { store throws in
            #expect(try await store.read { try $0.customer(email: "  ann.example@EXAMPLE.COM \t") } == ann)
            #expect(try await store.read { try $0.customer(email: "someone@example.com") } == nil)
        }
    }

    @Test(
        "when emails differ only by case, the exact match wins, and otherwise the lookup is ambiguous",
        arguments: TestEngine.available)
    func caseTwins(engine: TestEngine) async throws {
        let lower = Samples.customer("twin@example.com")
        let upper = Samples.customer("Twin@Example.com")
        try await engine.withStore(customers: [lower, upper]) { store throws in
            #expect(try await store.read { try $0.customer(email: " twin@example.com") } == lower)
            #expect(try await store.read { try $0.customer(email: "Twin@Example.com") } == upper)
            let error = await #expect(throws: StoreError.self) {
                try await store.read { try $0.customer(email: "TWIN@EXAMPLE.COM") }
            }
            #expect(
                error?.message == "Several customers match this email with different letter case; use the exact email")
        }
    }

    @Test(
        "customers are found by id and by linked Stripe customer, and can be linked later",
        arguments: TestEngine.available)
    func byIDAndStripeID(engine: TestEngine) async throws {
        let ann = Samples.customer()
        try await engine.withStore(customers: [ann]) { store throws in
            try await store.write { try $0.setStripeCustomerID("cus_ann", customerID: ann.id) }
            let linked = try await store.read { try $0.customer(stripeCustomerID: "cus_ann") }
            #expect(linked?.id == ann.id)
            #expect(linked?.stripeCustomerID == "cus_ann")
            #expect(linked?.createdAt == Samples.instant)
            #expect(try await store.read { try $0.customer(id: ann.id) } == linked)
            #expect(try await store.read { try $0.customer(id: "nobody") } == nil)
            let error = await #expect(throws: StoreError.self) {
                try await store.write { try $0.setStripeCustomerID("cus_x", customerID: "missing") }
            }
            #expect(error?.message == "No row in customers has that id")
        }
    }

    @Test("customers list by email in pages, in exact byte order", arguments: TestEngine.available)
    func customerPages(engine: TestEngine) async throws {
        let emails = ["d@example.com", "a@example.com", "C@example.com", "b@example.com", "e@example.com"]
        try await engine.withStore(customers: emails.map { Samples.customer($0) }) { store throws in
            let first = try await store.read { try $0.customers(after: nil, limit: 2) }.map(\.email)
            let second = try await store.read { try $0.customers(after: first.last, limit: 2) }.map(\.email)
            let third = try await store.read { try $0.customers(after: second.last, limit: 2) }.map(\.email)
            #expect(
                first + second + third == [
                    "C@example.com", "a@example.com", "b@example.com", "d@example.com", "e@example.com",
                ])
            #expect(third.count == 1)
        }
    }

    @Test(
        "email completion matches a prefix case-insensitively and treats wildcards literally",
        arguments: TestEngine.available)
    func emailCompletion(engine: TestEngine) async throws {
        let emails = ["Ann@example.com", "anna@example.com", "bob@example.com", "an_x@example.com", "an%y@example.com"]
        try await engine.withStore(customers: emails.map { Samples.customer($0) }) { store throws in
            #expect(
                try await store.read { try $0.customerEmails(prefix: "ANN", limit: 10) } == [
                    "Ann@example.com", "anna@example.com",
                ])
            #expect(try await store.read { try $0.customerEmails(prefix: " an_", limit: 10) } == ["an_x@example.com"])
            #expect(try await store.read { try $0.customerEmails(prefix: "an%", limit: 10) } == ["an%y@example.com"])
            #expect(try await store.read { try $0.customerEmails(prefix: "a_n", limit: 10) } == [])
            #expect(try await store.read { try $0.customerEmails(prefix: "", limit: 2) }.count == 2)
        }
    }
}
