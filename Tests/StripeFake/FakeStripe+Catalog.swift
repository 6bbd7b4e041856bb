import DynamicJSON

extension FakeStripe {
    mutating func createPrice(_ parameters: Parameters) -> FakeReply {
        guard let amount = parameters.integer("unit_amount") else { return Self.missingParameter("unit_amount") }
        guard let currency = parameters["currency"] else { return Self.missingParameter("currency") }
        guard let productName = parameters["product_data[name]"] else {
            return Self.missingParameter("product_data[name]")
        }
        let created = tick()
        let productID = makeID("prod")
        store(
            StripeShape.product.json([
                "id": .string(productID), "name": .string(productName), "created": .int(created),
                "updated": .int(created), "default_price": .null, "description": .null, "package_dimensions": .null,
                "livemode": false,
            ]))
        let id = makeID("price")
        store(
            StripeShape.price.json([
                "id": .string(id), "unit_amount": .int(amount), "unit_amount_decimal": .string(String(amount)),
                "currency": .string(currency), "product": .string(productID), "created": .int(created),
                "type": "one_time", "recurring": .null, "transform_quantity": .null, "custom_unit_amount": .null,
                "livemode": false,
            ]))
        return .json(objects[id] ?? .null)
    }

    mutating func createPaymentLink(_ parameters: Parameters) -> FakeReply {
        guard let priceID = parameters["line_items[0][price]"] else {
            return Self.missingParameter("line_items[0][price]")
        }
        guard let price = object(priceID, kind: "price") else {
            return Self.invalid("No such price: '\(priceID)'", param: "line_items[0][price]", code: "resource_missing")
        }
        guard let quantity = parameters.integer("line_items[0][quantity]"), quantity >= 1 else {
            return Self.missingParameter("line_items[0][quantity]")
        }
        let id = makeID("plink")
        store(
            StripeShape.paymentLink.json([
                "id": .string(id), "url": .string("https://buy.stripe.com/test_\(id.dropFirst("plink_".count))"),
                "active": true, "metadata": parameters.metadata, "currency": price["currency"] ?? "usd",
                "livemode": false, "restrictions": .null, "shipping_address_collection": .null,
            ]))
        _ = tick()
        return .json(objects[id] ?? .null)
    }
}
