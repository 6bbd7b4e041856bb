/// The requests behind `PaymentGateway`, exactly as Stripe's API reference spells them.
extension StripeRequest {
    /// `GET /v1/customers/{id}`.
    public static func retrieveCustomer(id: String) -> StripeRequest {
        StripeRequest(method: .get, path: path("/v1/customers", id))
    }

    /// `GET /v1/customers?email=…&limit=…`: Stripe matches the email exactly (case-sensitively).
    public static func listCustomers(email: String, limit: Int) -> StripeRequest {
        StripeRequest(
            method: .get, path: "/v1/customers", values: [("email", .string(email)), ("limit", .integer(limit))])
    }

    /// `POST /v1/customers`.
    public static func createCustomer(
        email: String, name: String, metadata: [String: String], idempotencyKey: String
    ) -> StripeRequest {
        StripeRequest(
            method: .post, path: "/v1/customers",
            values: [
                ("email", .string(email)), ("name", .string(name)),
                ("metadata", metadata.isEmpty ? nil : .metadata(metadata)),
            ],
            idempotencyKey: idempotencyKey)
    }

    /// `GET /v1/payment_intents?customer=…&limit=…&starting_after=…&expand[]=data.latest_charge`.
    public static func listPaymentIntents(customerID: String, limit: Int, startingAfter: String?) -> StripeRequest {
        StripeRequest(
            method: .get, path: "/v1/payment_intents",
            values: [
                ("customer", .string(customerID)), ("limit", .integer(limit)),
                ("starting_after", startingAfter.map(FormValue.string)),
                ("expand", .array(["data.latest_charge"])),
            ])
    }

    /// `GET /v1/payment_intents/{id}?expand[]=latest_charge`.
    public static func retrievePaymentIntent(id: String) -> StripeRequest {
        StripeRequest(
            method: .get, path: path("/v1/payment_intents", id), values: [("expand", .array(["latest_charge"]))])
    }

    /// `POST /v1/payment_intents` that confirms at once with a saved or test payment method (`pm_card_visa`).
    ///
    /// Redirect-based methods are turned off, so confirmation completes without a customer present;
    /// `payment_method_types` is not sent because this API version rejects it next to automatic methods.
    public static func createConfirmedPaymentIntent(
        customerID: String, amount: Int, currency: String, paymentMethod: String, description: String?,
        metadata: [String: String], idempotencyKey: String
    ) -> StripeRequest {
        StripeRequest(
            method: .post, path: "/v1/payment_intents",
            values: [
                ("customer", .string(customerID)), ("amount", .integer(amount)), ("currency", .string(currency)),
                ("payment_method", .string(paymentMethod)), ("confirm", true),
                ("automatic_payment_methods", .object([("enabled", true), ("allow_redirects", "never")])),
                ("description", description.map(FormValue.string)),
                ("metadata", metadata.isEmpty ? nil : .metadata(metadata)),
            ],
            idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/refunds`; `reason` is Stripe's enum value, such as `requested_by_customer`.
    public static func createRefund(
        paymentIntentID: String, amount: Int, reason: String?, metadata: [String: String],
        idempotencyKey: String
    ) -> StripeRequest {
        StripeRequest(
            method: .post, path: "/v1/refunds",
            values: [
                ("payment_intent", .string(paymentIntentID)), ("amount", .integer(amount)),
                ("reason", reason.map(FormValue.string)),
                ("metadata", metadata.isEmpty ? nil : .metadata(metadata)),
            ],
            idempotencyKey: idempotencyKey)
    }

    /// `GET /v1/refunds?payment_intent=…&limit=…&starting_after=…`.
    public static func listRefunds(paymentIntentID: String, limit: Int, startingAfter: String?) -> StripeRequest {
        StripeRequest(
            method: .get, path: "/v1/refunds",
            values: [
                ("payment_intent", .string(paymentIntentID)), ("limit", .integer(limit)),
                ("starting_after", startingAfter.map(FormValue.string)),
            ])
    }

    /// `POST /v1/prices` for a new one-off product.
    public static func createPrice(
        amount: Int, currency: String, productName: String, idempotencyKey: String
    ) -> StripeRequest {
        StripeRequest(
            method: .post, path: "/v1/prices",
            values: [
                ("unit_amount", .integer(amount)), ("currency", .string(currency)),
                ("product_data", .object([("name", .string(productName))])),
            ],
            idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/payment_links` selling one price.
    public static func createPaymentLink(
        priceID: String, quantity: Int, metadata: [String: String], idempotencyKey: String
    ) -> StripeRequest {
        StripeRequest(
            method: .post, path: "/v1/payment_links",
            values: [
                ("line_items", .array([.object([("price", .string(priceID)), ("quantity", .integer(quantity))])])),
                ("metadata", metadata.isEmpty ? nil : .metadata(metadata)),
            ],
            idempotencyKey: idempotencyKey)
    }
}
