import ArgumentParser
import PaymentCore
import StripeClient

/// `payment-ops doctor`: checks the set-up and says what to fix.
struct DoctorCommand: AsyncParsableCommand {
    /// Describes the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the settings, the database, Stripe and its key's permissions, and pending refunds.",
        discussion: "Prints one line per check, ✓ or ✗ with what to do. Exits 1 when a check fails.",
        version: PaymentOps.version
    )

    @OptionGroup var settings: SettingsOptions

    /// Creates the command; ArgumentParser fills in the options.
    init() {}

    /// Runs the checks and prints them.
    func run() async throws {
        let configuration = try settings.configuration()
        // An unusable key is reported by the key line instead of ending the command.
        let client = try? configuration.makeStripeClient()
        let check = DoctorCheck(
            settings: DoctorSettings(
                stripeKey: configuration.stripeAPIKey, databaseURL: configuration.databaseURL,
                stripeAPIBase: configuration.stripeAPIBase, allowLive: configuration.allowLive,
                refundWindowDays: configuration.refundWindowDays, actor: configuration.actor),
            gateway: client, probes: client.map(Self.permissionProbes) ?? [],
            policy: PaymentPolicy(refundWindowDays: configuration.refundWindowDays, actor: configuration.actor))
        let report = await check.run()
        print(report.text)
        if !report.isHealthy { throw ExitCode.failure }
    }

    /// One read call per Stripe resource the tools use; the write permissions cannot be checked without writing.
    static func permissionProbes(_ client: StripeClient) -> [DoctorProbe] {
        let reads: [(resource: String, path: String, usedBy: String)] = [
            ("PaymentIntents", "/v1/payment_intents", "list_payments, issue_refund"),
            ("Charges", "/v1/charges", "list_payments, issue_refund"),
            ("Refunds", "/v1/refunds", "reconciliation"),
            ("Prices", "/v1/prices", "create_payment_link"),
            ("Payment Links", "/v1/payment_links", "create_payment_link"),
        ]
        return reads.map { read in
            DoctorProbe(title: "Stripe permission: read \(read.resource)") { _ in
                _ = try await client.send(
                    StripeRequest(method: .get, path: read.path, values: [("limit", 1)]), as: StripeListPage.self)
                return "used by \(read.usedBy)"
            }
        }
    }

    /// Any list page; the probes only ask whether Stripe lets the key read it.
    private struct StripeListPage: Decodable {
        let object: String
    }
}
