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

    /// Whether Stripe answers a read call with this key: a customer search that finds nobody.
    static func reachability(apiBase: String) -> DoctorProbe {
        DoctorProbe(title: "Stripe: reachable with this key") { gateway in
            try await gateway.checkReadAccess(to: .customers)
            return "\(apiBase) answered a customer search"
        }
    }

    /// One read check per Stripe resource the tools use; the write permissions cannot be checked without writing.
    public static let readPermissions: [DoctorProbe] = [
        readPermission(.paymentIntents, named: "PaymentIntents", usedBy: "list_payments, issue_refund"),
        readPermission(.charges, named: "Charges", usedBy: "list_payments, issue_refund"),
        readPermission(.refunds, named: "Refunds", usedBy: "reconciliation"),
        readPermission(.prices, named: "Prices", usedBy: "create_payment_link"),
        readPermission(.paymentLinks, named: "Payment Links", usedBy: "create_payment_link"),
    ]

    /// Whether the key may read a resource, naming the tools that need it.
    static func readPermission(_ resource: GatewayResource, named name: String, usedBy tools: String) -> DoctorProbe {
        DoctorProbe(title: "Stripe permission: read \(name)") { gateway in
            try await gateway.checkReadAccess(to: resource)
            return "used by \(tools)"
        }
    }
}
