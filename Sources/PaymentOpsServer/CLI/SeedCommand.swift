import ArgumentParser
import PaymentCore
import PaymentOpsMCP

/// `payment-ops seed`: the demo customers and their payments, in Stripe test mode and in the orders database.
struct SeedCommand: AsyncParsableCommand {
    /// Describes the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Create the demo customers and payments in Stripe test mode and in the orders database.",
        discussion: """
            Creates sarah@, james@, alice@, bob@ and carol@example.com, each with 2–3 confirmed test \
            PaymentIntents (pm_card_visa), and the matching orders. Safe to run again, and after a crash \
            half-way: nothing is created twice. Progress goes to stderr.
            """,
        version: PaymentOps.version
    )

    @OptionGroup var settings: SettingsOptions

    /// How many generated customers to add after the five demo customers.
    @Option(help: "Also create this many generated customers (0–\(DemoSeeder.maximumExtraCustomers)).")
    var customers = 0

    /// Creates the command; ArgumentParser fills in the options.
    init() {}

    /// Refuses a customer count out of bounds before anything is opened.
    func validate() throws {
        guard (0...DemoSeeder.maximumExtraCustomers).contains(customers) else {
            throw ValidationError("--customers must be from 0 to \(DemoSeeder.maximumExtraCustomers)")
        }
    }

    /// Seeds, printing progress (ending with the summary) to stderr.
    func run() async throws {
        let seeder = try await settings.demoSeederWithStripe()
        do {
            _ = try await seeder.seed(extraCustomers: customers) { line in
                Logger.writeToStderr(line)
            }
        } catch {
            Logger.writeToStderr("payment-ops: seed stopped: \(error)")
            throw ExitCode.failure
        }
    }
}
