import StripeClient
import Testing

@Suite("FormEncoder")
struct FormEncoderTests {
    private func encode(_ parameters: [(String, FormValue)]) -> String {
        FormEncoder.encode(FormEncoder.fields(parameters))
    }

    @Test("scalars are encoded in order, integers in decimal")
    func scalars() {
        #expect(encode([("amount", 4999), ("currency", "usd")]) == "amount=4999&currency=usd")
    }

    @Test("booleans are sent as true and false")
    func booleans() {
        #expect(encode([("confirm", true), ("livemode", false)]) == "confirm=true&livemode=false")
    }

    @Test("a nested object becomes bracketed names")
    func nestedObject() {
        let value: FormValue = .object([("enabled", true), ("allow_redirects", "never")])
        #expect(
            encode([("automatic_payment_methods", value)])
                == "automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never")
    }

    @Test("an array of objects is indexed, an array of scalars uses empty brackets")
    func arrays() {
        let lineItems: FormValue = .array([
            .object([("price", "price_1"), ("quantity", 2)]), .object([("price", "price_2"), ("quantity", 1)]),
        ])
        #expect(
            encode([("line_items", lineItems)])
                == "line_items[0][price]=price_1&line_items[0][quantity]=2&line_items[1][price]=price_2"
                + "&line_items[1][quantity]=1")
        #expect(
            encode([("expand", .array(["data.latest_charge", "data.customer"]))])
                == "expand[]=data.latest_charge&expand[]=data.customer")
    }

    @Test("objects nest inside objects")
    func deepNesting() {
        let value: FormValue = .object([("card", .object([("exp", .object([("month", 8)]))]))])
        #expect(encode([("payment_method_data", value)]) == "payment_method_data[card][exp][month]=8")
    }

    @Test("metadata is ordered by key so the body is the same every time")
    func metadataOrder() {
        #expect(
            encode([("metadata", .metadata(["zeta": "1", "alpha": "2", "mid": "3"]))])
                == "metadata[alpha]=2&metadata[mid]=3&metadata[zeta]=1")
    }

    @Test("values are percent-encoded except unreserved characters")
    func percentEncoding() {
        #expect(
            encode([("description", "Ada & Co. 50%+tax=ok/é~_-")])
                == "description=Ada%20%26%20Co.%2050%25%2Btax%3Dok%2F%C3%A9~_-")
    }

    @Test("brackets stay literal in names but are encoded in values and keys' own text")
    func brackets() {
        #expect(encode([("metadata", .object([("a b", "[x]")]))]) == "metadata[a%20b]=%5Bx%5D")
    }

    @Test("an empty parameter list encodes to nothing")
    func empty() {
        #expect(encode([]) == "")
    }
}
