/// One read-only question `payment-ops doctor` asks Stripe, such as whether the key may read PaymentIntents.
///
/// Probes run only after Stripe was reached with the key, each giving one report line; a probe that throws fails
/// its line with the explanation of the Stripe error (a 403 names the missing permission's consequence).
public struct DoctorProbe: Sendable {
    /// What the probe checks: "Stripe permission: read PaymentIntents (list_payments)".
    public var title: String
    /// Asks Stripe, read calls only, and returns the detail for a passed line.
    public var check: @Sendable (any PaymentGateway) async throws -> String

    /// Creates a probe.
    public init(title: String, check: @escaping @Sendable (any PaymentGateway) async throws -> String) {
        self.title = title
        self.check = check
    }

    /// The email address the reachability check searches for: `.invalid` is reserved, so no customer has it.
    static let doctorEmail = "doctor@payment-ops.invalid"

    /// Whether Stripe answers a read call with this key: a customer search that finds nobody.
    static func reachability(apiBase: String) -> DoctorProbe {
        DoctorProbe(title: "Stripe: reachable with this key") { gateway in
            _ = try await gateway.customers(email: doctorEmail, limit: 1)
            return "\(apiBase) answered a customer search"
        }
    }
}
