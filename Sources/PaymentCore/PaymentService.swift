public import OrdersStore

/// The seven payment-support operations, the refund gate and reconciliation, on the orders database and Stripe.
///
/// Each operation validates its arguments, so a caller other than the MCP server gets the same protection.
/// Refusals and bad arguments throw `PaymentError`; database faults throw the store's own errors.
/// Stripe-backed operations answer `PaymentError.Kind.stripeNotConfigured` when `gateway` is `nil`, while the
/// operations that only read the database keep working.
public struct PaymentService: Sendable {
    /// The orders database; callers outside PaymentCore go through the service's operations.
    let store: any OrdersStore
    /// Stripe, or `nil` when no API key is configured.
    public let gateway: (any PaymentGateway)?
    /// The refund window, actor, token lifetime and clock.
    public let policy: PaymentPolicy

    /// Creates the service.
    public init(store: any OrdersStore, gateway: (any PaymentGateway)?, policy: PaymentPolicy = PaymentPolicy()) {
        self.store = store
        self.gateway = gateway
        self.policy = policy
    }

    /// Runs a Stripe call, translating its failure into a `PaymentError` that says what was being attempted.
    ///
    /// - Parameter action: the attempt as a phrase completing "Could not …", such as "list the payments".
    func callStripe<T>(_ action: String, _ body: (any PaymentGateway) async throws -> T) async throws -> T {
        try await Self.call(gateway, action, body)
    }

    /// Runs a call of `gateway`, of whichever gateway protocol, as `callStripe(_:_:)` does.
    static func call<Gateway, T>(
        _ gateway: Gateway?, _ action: String, _ body: (Gateway) async throws -> T
    ) async throws -> T {
        guard let gateway else { throw PaymentError.stripeNotConfigured }
        do {
            return try await body(gateway)
        } catch let error as GatewayError {
            throw PaymentError.stripe(error, while: action)
        }
    }

    /// The customer with this email address, or a `PaymentError` saying there is none.
    func requireCustomer(email: String, in db: any OrdersTransaction) throws -> Customer {
        let found: Customer?
        do {
            found = try db.customer(email: email)
        } catch let error as StoreError where error.kind == .ambiguousEmail {
            throw PaymentError.invalid(
                "Several customers have this email address in different letter case. Ask the user for the email "
                    + "exactly as it was written at purchase.")
        }
        guard let customer = found else {
            throw PaymentError.notFound(
                "No customer has that email address in the orders database. Check the spelling, or ask the user "
                    + "for the email address the purchase was made with.")
        }
        return customer
    }
}
