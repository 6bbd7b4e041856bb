import DynamicJSON

extension FakeStripe {
    /// Adds a PaymentIntent for a customer and returns its id; a `succeeded` one gets a succeeded charge.
    mutating func addPaymentIntent(
        customerID: String?, amount: Int, currency: String, status: String, description: String? = nil,
        metadata: [String: String] = [:], paymentMethod: String = "pm_card_visa"
    ) -> String {
        let id = makeID("pi")
        let created = tick()
        var chargeID: String?
        if status == "succeeded" {
            let charge = makeID("ch")
            chargeID = charge
            store(
                StripeShape.charge.json([
                    "id": .string(charge), "amount": .int(amount), "amount_captured": .int(amount),
                    "amount_refunded": 0, "captured": true, "paid": true, "refunded": false, "status": "succeeded",
                    "currency": .string(currency), "customer": JSONValue(customerID), "payment_intent": .string(id),
                    "created": .int(created), "description": JSONValue(description), "livemode": false,
                    "payment_method": .string(paymentMethod), "source": .null, "balance_transaction": .null,
                    "refunds": [
                        "object": "list", "data": [], "has_more": false,
                        "url": .string("/v1/charges/\(charge)/refunds"),
                    ],
                ]))
        }
        store(
            StripeShape.paymentIntent.json([
                "id": .string(id), "amount": .int(amount), "amount_received": .int(status == "succeeded" ? amount : 0),
                "currency": .string(currency), "customer": JSONValue(customerID), "created": .int(created),
                "description": JSONValue(description), "metadata": .object(metadata.mapValues(JSONValue.string)),
                "status": .string(status), "latest_charge": JSONValue(chargeID), "livemode": false,
                "payment_method": .string(paymentMethod), "client_secret": .string("\(id)_secret_fake"),
                "canceled_at": .null, "last_payment_error": .null, "next_action": .null, "processing": .null,
                "automatic_payment_methods": ["enabled": true, "allow_redirects": "never"],
            ]))
        return id
    }

    /// Refunds part of a PaymentIntent's charge, updating the charge, and returns the refund's id.
    mutating func addRefund(
        paymentIntentID: String, chargeID: String, amount: Int, reason: String?, metadata: [String: String]
    ) -> String {
        let id = makeID("re")
        if var charge = objects[chargeID] {
            let refunded = (charge["amount_refunded"]?.intValue ?? 0) + amount
            charge["amount_refunded"] = .int(refunded)
            charge["refunded"] = .bool(refunded >= (charge["amount_captured"]?.intValue ?? 0))
            store(charge)
        }
        store(
            StripeShape.refund.json([
                "id": .string(id), "amount": .int(amount), "charge": .string(chargeID),
                "payment_intent": .string(paymentIntentID), "currency": objects[chargeID]?["currency"] ?? "usd",
                "created": .int(tick()), "reason": JSONValue(reason),
                "metadata": .object(metadata.mapValues(JSONValue.string)), "status": "succeeded",
            ]))
        return id
    }

    func listPaymentIntents(_ parameters: Parameters) -> FakeReply {
        let customer = parameters["customer"]
        let expanding = Set(parameters.expansions.compactMap { $0.hasPrefix("data.") ? String($0.dropFirst(5)) : nil })
        return list(kind: "payment_intent", url: "/v1/payment_intents", parameters, expanding: expanding) {
            customer == nil || $0["customer"]?.stringValue == customer
        }
    }

    func retrievePaymentIntent(_ id: String, _ parameters: Parameters) -> FakeReply {
        guard let intent = object(id, kind: "payment_intent") else { return .resourceMissing("payment_intent", id: id) }
        return .json(expand(intent, fields: parameters.expansions))
    }

    mutating func createPaymentIntent(_ parameters: Parameters) -> FakeReply {
        guard let amount = parameters.integer("amount") else { return Self.missingParameter("amount") }
        guard amount >= 1 else {
            return Self.invalid(
                "This value must be greater than or equal to 1.", param: "amount", code: "amount_too_small")
        }
        guard let currency = parameters["currency"] else { return Self.missingParameter("currency") }
        if parameters.contains("payment_method_types") && parameters.contains("automatic_payment_methods") {
            return Self.invalid(
                "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
                param: "automatic_payment_methods")
        }
        let customer = parameters["customer"]
        if let customer, object(customer, kind: "customer").map({ $0["deleted"] == nil }) != true {
            return Self.invalid("No such customer: '\(customer)'", param: "customer", code: "resource_missing")
        }
        let paymentMethod = parameters["payment_method"]
        if parameters.flag("confirm"), paymentMethod == "pm_card_chargeDeclined" {
            return .stripeError(
                status: 402, type: "card_error", code: "card_declined", message: "Your card was declined.",
                declineCode: "generic_decline")
        }
        let status = parameters.flag("confirm") && paymentMethod != nil ? "succeeded" : "requires_payment_method"
        let id = addPaymentIntent(
            customerID: customer, amount: amount, currency: currency, status: status,
            description: parameters["description"], metadata: parameters.members(of: "metadata"),
            paymentMethod: paymentMethod ?? "pm_card_visa")
        return .json(objects[id] ?? .null)
    }

    func listRefunds(_ parameters: Parameters) -> FakeReply {
        let intent = parameters["payment_intent"]
        return list(kind: "refund", url: "/v1/refunds", parameters) {
            intent == nil || $0["payment_intent"]?.stringValue == intent
        }
    }

    mutating func createRefund(_ parameters: Parameters) -> FakeReply {
        guard let intentID = parameters["payment_intent"] else { return Self.missingParameter("payment_intent") }
        guard let intent = object(intentID, kind: "payment_intent") else {
            return Self.invalid(
                "No such payment_intent: '\(intentID)'", param: "payment_intent", code: "resource_missing")
        }
        guard let chargeID = intent["latest_charge"]?.stringValue, let charge = objects[chargeID],
            charge["status"]?.stringValue == "succeeded"
        else {
            return Self.invalid(
                "This PaymentIntent does not have a successful charge to refund.", param: "payment_intent")
        }
        let captured = charge["amount_captured"]?.intValue ?? 0
        let remaining = captured - (charge["amount_refunded"]?.intValue ?? 0)
        guard remaining > 0 else {
            return Self.invalid(
                "Charge \(chargeID) has already been refunded.", param: "payment_intent",
                code: "charge_already_refunded")
        }
        let amount = parameters.integer("amount") ?? remaining
        guard amount >= 1, amount <= remaining else {
            return Self.invalid(
                "Refund amount (\(amount)) is greater than unrefunded amount on charge (\(remaining))", param: "amount",
                code: "amount_too_large")
        }
        let reason = parameters["reason"]
        if let reason, !["duplicate", "fraudulent", "requested_by_customer"].contains(reason) {
            return Self.invalid(
                "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", param: "reason")
        }
        let id = addRefund(
            paymentIntentID: intentID, chargeID: chargeID, amount: amount, reason: reason,
            metadata: parameters.members(of: "metadata"))
        return .json(objects[id] ?? .null)
    }
}
