import ArgumentParser
import PaymentCore
import PaymentOpsMCP

/// The option every command shares: where its settings come from.
struct SettingsOptions: ParsableArguments {
    /// A `.env` file to read settings from; `./.env` is read when it exists.
    @Option(name: .long, help: "A .env file with settings (default: ./.env when it exists).")
    var envFile: String?

    /// Creates the options; ArgumentParser fills them in.
    init() {}

    /// The settings in force, or one line on stderr and exit status 1.
    func configuration() async throws -> Configuration {
        try await Self.configuration(envFile: envFile)
    }

    /// `configuration()` for a given `--env-file`, for the start-up path that skips parsing the command line.
    static func configuration(envFile: String?) async throws -> Configuration {
        try await orExit { () throws(ConfigurationError) in try Configuration.load(envFile: envFile) }
    }

    /// The settings, a logger at their level, and the payment service `serve` runs, whose database migrates in
    /// the background; for the start-up path that skips parsing the command line.
    static func servingService(envFile: String?) async throws -> (Configuration, Logger, PaymentService) {
        let configuration = try await configuration(envFile: envFile)
        let logger = Logger(threshold: configuration.logLevel)
        let service = try await orExit { () async throws(ConfigurationError) in
            try await configuration.makeServingService { error in
                logger.log(.error, "the orders database could not be migrated; tools that need it answer why: \(error)")
            }
        }
        return (configuration, logger, service)
    }

    /// The payment service with Stripe configured, for commands that cannot work without it.
    func serviceWithStripe(for purpose: String) async throws -> PaymentService {
        let configuration = try await configurationWithStripe(for: purpose)
        return try await Self.orExit { () async throws(ConfigurationError) in try await configuration.makeService() }
    }

    /// The demo seeder with Stripe configured, for `payment-ops seed`.
    func demoSeederWithStripe() async throws -> DemoSeeder {
        let configuration = try await configurationWithStripe(for: "seed")
        return try await Self.orExit { () async throws(ConfigurationError) in try await configuration.makeDemoSeeder() }
    }

    /// The settings in force, or one line on stderr and exit status 1 when they name no Stripe key.
    private func configurationWithStripe(for purpose: String) async throws -> Configuration {
        let configuration = try await configuration()
        guard configuration.stripeAPIKey != nil else {
            Logger.writeToStderr("payment-ops: STRIPE_API_KEY is not set; \(purpose) needs a Stripe test key")
            throw ExitCode.failure
        }
        return configuration
    }

    /// The result of `body`, or its error as one line on stderr and exit status 1.
    static func orExit<T>(_ body: () async throws(ConfigurationError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            Logger.writeToStderr("payment-ops: \(error)")
            throw ExitCode.failure
        }
    }
}
