import ArgumentParser
import PaymentCore

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
        let check = try await settings.configuration().makeDoctorCheck()
        let report = await check.run()
        print(report.text)
        if !report.isHealthy { throw ExitCode.failure }
    }
}
