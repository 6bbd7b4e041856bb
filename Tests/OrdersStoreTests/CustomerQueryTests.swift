import Testing

@testable import OrdersStore

@Suite("Customer queries")
struct CustomerQueryTests {
    @Test("email lookup ignores surrounding spaces and letter case")
    func emailLookupIsForgiving() throws {
        let ann = Samples.customer("Ann.Example@Example.com")
        let store = try Samples.memoryStore(with: [ann])
        let found = try store.read { try $0.customer(email: "  ann.example@EXAMPLE.COM \t") }
        #expect(found == ann)
        let missing = try store.read { try $0.customer(email: "someone@example.com") }
        #expect(missing == nil)
    }

    @Test("when emails differ only by case, the exact match wins, and otherwise the lookup is ambiguous")
    func caseTwins() throws {
        let lower = Samples.customer("twin@example.com")
        let upper = Samples.customer("Twin@Example.com")
        let store = try Samples.memoryStore(with: [lower, upper])
        let exactLower = try store.read { try $0.customer(email: " twin@example.com") }
        let exactUpper = try store.read { try $0.customer(email: "Twin@Example.com") }
        #expect(exactLower == lower)
        #expect(exactUpper == upper)
        #expect {
            try store.read { try $0.customer(email: "TWIN@EXAMPLE.COM") }
        } throws: { error in
            (error as? StoreError)?.message
                == "Several customers match this email with different letter case; use the exact email"
        }
    }

    @Test("customers are found by id and by linked Stripe customer, and can be linked later")
    func byIDAndStripeID() throws {
        let ann = Samples.customer()
        let store = try Samples.memoryStore(with: [ann])
        try store.write { try $0.setStripeCustomerID("cus_ann", customerID: ann.id) }
        let linked = try store.read { try $0.customer(stripeCustomerID: "cus_ann") }
        #expect(linked?.id == ann.id)
        #expect(linked?.stripeCustomerID == "cus_ann")
        let byID = try store.read { try $0.customer(id: ann.id) }
        #expect(byID == linked)
        #expect {
            try store.write { try $0.setStripeCustomerID("cus_x", customerID: "missing") }
        } throws: { error in
            (error as? StoreError)?.message == "No row in customers has that id"
        }
    }

    @Test("customers list by email in pages")
    func customerPages() throws {
        let emails = ["d@example.com", "a@example.com", "c@example.com", "b@example.com", "e@example.com"]
        let store = try Samples.memoryStore(with: emails.map { Samples.customer($0) })
        let first = try store.read { try $0.customers(after: nil, limit: 2) }.map(\.email)
        let second = try store.read { try $0.customers(after: first.last, limit: 2) }.map(\.email)
        let third = try store.read { try $0.customers(after: second.last, limit: 2) }.map(\.email)
        #expect(first + second + third == emails.sorted())
        #expect(third.count == 1)
    }

    @Test("email completion matches a prefix case-insensitively and treats wildcards literally")
    func emailCompletion() throws {
        let emails = ["Ann@example.com", "anna@example.com", "bob@example.com", "an_x@example.com", "an%y@example.com"]
        let store = try Samples.memoryStore(with: emails.map { Samples.customer($0) })
        let ann = try store.read { try $0.customerEmails(prefix: "ANN", limit: 10) }
        #expect(ann == ["Ann@example.com", "anna@example.com"])
        let underscore = try store.read { try $0.customerEmails(prefix: "an_", limit: 10) }
        #expect(underscore == ["an_x@example.com"])
        let percent = try store.read { try $0.customerEmails(prefix: "an%", limit: 10) }
        #expect(percent == ["an%y@example.com"])
        let limited = try store.read { try $0.customerEmails(prefix: "", limit: 2) }
        #expect(limited.count == 2)
    }
}
