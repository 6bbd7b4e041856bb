import StripeClient

extension StripeGateway {
    /// The email address the customers check searches for: `.invalid` is reserved, so no customer has it.
    static let checkEmail = "doctor@payment-ops.invalid"

    /// Checks that the key may read this kind of object: a list call for at most one of them, which changes
    /// nothing. Customers are checked with a search that finds nobody.
    public func checkReadAccess(to resource: GatewayResource) async throws {
        switch resource {
        case .customers:
            _ = try await send(.listCustomers(email: Self.checkEmail, limit: 1), as: ListPage.self)
        default:
            _ = try await send(
                StripeRequest(method: .get, path: Self.listPath(of: resource), values: [("limit", 1)]),
                as: ListPage.self)
        }
    }

    /// Classifies a key as `payment-ops doctor` reports it, by its prefix only.
    ///
    /// A live key is reported as usable in live mode: whether live mode is allowed is the doctor's judgement.
    public static func keyStatus(of text: String?) -> GatewayKeyStatus {
        guard let text else { return .notSet }
        do {
            let key = try StripeKey(text)
            return .usable(prefix: key.displayPrefix, mode: mode(of: key))
        } catch {
            return .unusable(reason: error.message)
        }
    }

    /// The gateway's mode of a key's mode.
    static func mode(of key: StripeKey) -> GatewayMode {
        switch key.mode {
        case .test: .test
        case .live: .live
        }
    }

    /// Stripe's list endpoint for a resource.
    private static func listPath(of resource: GatewayResource) -> String {
        switch resource {
        case .customers: "/v1/customers"
        case .paymentIntents: "/v1/payment_intents"
        case .charges: "/v1/charges"
        case .refunds: "/v1/refunds"
        case .prices: "/v1/prices"
        case .paymentLinks: "/v1/payment_links"
        }
    }

    /// Any list page; the checks only ask whether Stripe lets the key read it.
    private struct ListPage: Decodable {
        let object: String
    }
}
