import DynamicJSON

extension FakeStripe {
    /// Adds a customer, as the dashboard or another system would, and returns its id.
    mutating func addCustomer(email: String?, name: String?, metadata: [String: String] = [:]) -> String {
        let id = makeID("cus")
        store(
            StripeShape.customer.json([
                "id": .string(id), "email": JSONValue(email), "name": JSONValue(name), "created": .int(tick()),
                "metadata": .object(metadata.mapValues(JSONValue.string)), "discount": .null, "livemode": false,
                "invoice_prefix": .string(String(id.suffix(7)).uppercased()),
            ]))
        return id
    }

    /// Replaces a customer with Stripe's deleted-customer stub; `false` when there is no such customer.
    mutating func markCustomerDeleted(_ id: String) -> Bool {
        guard object(id, kind: "customer") != nil else { return false }
        store(StripeShape.deletedCustomer.json(["id": .string(id)]))
        return true
    }

    func listCustomers(_ parameters: Parameters) -> FakeReply {
        let email = parameters["email"]
        return list(kind: "customer", url: "/v1/customers", parameters) { customer in
            customer["deleted"]?.boolValue != true && (email == nil || customer["email"]?.stringValue == email)
        }
    }

    mutating func createCustomer(_ parameters: Parameters) -> FakeReply {
        let id = addCustomer(
            email: parameters["email"], name: parameters["name"], metadata: parameters.members(of: "metadata"))
        return .json(objects[id] ?? .null)
    }

    mutating func deleteCustomer(_ id: String) -> FakeReply {
        guard markCustomerDeleted(id) else { return .resourceMissing("customer", id: id) }
        return .json(objects[id] ?? .null)
    }
}
