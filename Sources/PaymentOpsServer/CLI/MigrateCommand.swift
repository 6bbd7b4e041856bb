import ArgumentParser
import PaymentCore
import PaymentOpsMCP

/// `payment-ops migrate`: brings the orders database's schema up to date and exits.
struct MigrateCommand: AsyncParsableCommand {
    /// Describes the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the orders database's schema up to date, then exit.",
        discussion: """
            Applies the migrations the database lacks, one transaction per version; a database made by the \
            original Python service is migrated in place with nothing lost. serve does the same at start-up \
            when its database role may change the schema; run this with a role that may, for one that may not. \
            Safe to run at any time and more than once.
            """,
        version: PaymentOps.version
    )

    @OptionGroup var settings: SettingsOptions

    /// Creates the command; ArgumentParser fills in the options.
    init() {}

    /// Migrates and prints what it did; a failure is one line on stderr and status 1.
    func run() async throws {
        let configuration = try await settings.configuration()
        do {
            print(try await configuration.migrateDatabase())
        } catch let error as ConfigurationError {
            Logger.writeToStderr("payment-ops: \(error)")
            throw ExitCode.failure
        } catch {
            Logger.writeToStderr("payment-ops: migrate stopped; the failed version left nothing behind: \(error)")
            throw ExitCode.failure
        }
    }
}
