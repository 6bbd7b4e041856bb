import ArgumentParser
import PaymentCore
import PaymentOpsHTTP

/// `payment-ops doctor`: checks the set-up and says what to fix.
struct DoctorCommand: AsyncParsableCommand {
    /// Describes the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the settings, the database, Stripe and its key's permissions, and pending refunds.",
        discussion: """
            Prints one line per check, ✓ or ✗ with what to do. Exits 1 when a check fails. When \
            PAYMENT_OPS_PUBLIC_URL or PAYMENT_OPS_OAUTH_ISSUER is set, it also checks the team server's settings \
            and that the issuer's metadata and signing keys can be fetched.
            """,
        version: PaymentOps.version
    )

    @OptionGroup var settings: SettingsOptions

    /// Creates the command; ArgumentParser fills in the options.
    init() {}

    /// Runs the checks and prints them.
    func run() async throws {
        let configuration = try await settings.configuration()
        var report = await configuration.makeDoctorCheck().run()
        // PaymentCore knows nothing of HTTP: the team server's lines are added here, where both are known.
        report.lines += await TeamServerCheck(values: configuration.httpValues).run().map {
            DoctorReport.Line(ok: $0.ok, title: $0.title, detail: $0.detail)
        }
        print(report.text)
        if !report.isHealthy { throw ExitCode.failure }
    }
}
