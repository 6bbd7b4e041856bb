import ArgumentParser
import PaymentCore
import PaymentOpsHTTP
import PaymentOpsMCP

/// The `payment-ops` command line.
@main
struct PaymentOpsCommand: AsyncParsableCommand {
    /// Names the command, its version and its subcommands; `serve` is the default.
    static let configuration = CommandConfiguration(
        commandName: "payment-ops",
        abstract: "An MCP server for payment support: Stripe joined with the orders database.",
        discussion: """
            Started without a subcommand it serves MCP on stdin/stdout, as Claude Desktop and other MCP \
            clients expect. For debugging, pipe JSON-RPC into it, one message per line:

              echo '{"jsonrpc":"2.0","id":1,"method":"ping"}' | payment-ops

            Settings come from the environment, then ./.env or --env-file (see .env.example).
            """,
        version: PaymentOps.version,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedCommand.self, DoctorCommand.self, ReconcileCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )

    /// Serves at once when started as MCP clients start it, with no arguments or just `serve`; anything else
    /// goes through ArgumentParser.
    ///
    /// ArgumentParser's parse (reflection and first-time protocol-conformance lookups, for the completion-script
    /// flags above all) was a fifth of the server's start-up time, and there is nothing to parse here.
    static func main() async {
        let arguments = ServeCommand.fillingInHTTPAddress(Array(CommandLine.arguments.dropFirst()))
        do {
            if arguments.isEmpty || arguments == ["serve"] {
                try await ServeCommand.serve(envFile: nil)
            } else {
                var command = try parseAsRoot(arguments)
                if var asynchronous = command as? any AsyncParsableCommand {
                    try await asynchronous.run()
                } else {
                    try command.run()
                }
            }
        } catch {
            // A bad flag or value is one line on stderr; help, version and the commands' own exits (which print
            // their line themselves) go through ArgumentParser unchanged.
            let message = message(for: error)
            guard exitCode(for: error) != .success, !message.isEmpty else { exit(withError: error) }
            Logger.writeToStderr("payment-ops: \(message) (see payment-ops --help)")
            exit(withError: ExitCode.validationFailure)
        }
    }
}

/// `payment-ops serve`: the stdio MCP server, or with `--http` the team server.
struct ServeCommand: AsyncParsableCommand {
    /// Describes the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve MCP over stdin/stdout (the default), or over Streamable HTTP with --http.",
        version: PaymentOps.version
    )

    @OptionGroup var settings: SettingsOptions

    /// Where the team server listens; `nil` serves stdio.
    @Option(
        name: .customLong("http"),
        help: ArgumentHelp(
            "Serve Streamable HTTP with OAuth on HOST:PORT ([::1]:PORT for IPv6; default \(BindTarget.defaultValue)).",
            valueName: "host:port"))
    var http: String?

    /// Creates the command; ArgumentParser fills in the options.
    init() {}

    /// How often the server settles pending refunds while it serves.
    static let reconciliationInterval: Duration = .seconds(60)

    /// Runs the server until stdin closes or SIGTERM/SIGINT arrives.
    ///
    /// A setting that cannot be used ends the command before serving, with one line on stderr and status 1.
    func run() async throws {
        if let http {
            try await Self.serveHTTP(listen: http, envFile: settings.envFile)
        } else {
            try await Self.serve(envFile: settings.envFile)
        }
    }

    /// `--http` with no address means the default one; ArgumentParser has no option with an optional value.
    static func fillingInHTTPAddress(_ arguments: [String]) -> [String] {
        var filled: [String] = []
        for (index, argument) in arguments.enumerated() {
            filled.append(argument)
            let next = arguments.indices.contains(index + 1) ? arguments[index + 1] : nil
            if argument == "--http", next == nil || next?.hasPrefix("-") == true {
                filled.append(BindTarget.defaultValue)
            }
        }
        return filled
    }

    /// Serves the team server until SIGTERM/SIGINT, which stop accepting and let in-flight calls finish.
    static func serveHTTP(listen: String, envFile: String?) async throws {
        let (configuration, logger, service) = try await SettingsOptions.servingService(envFile: envFile)
        let settings: HTTPSettings
        do {
            settings = try HTTPSettings.read(listen: listen) { configuration.httpValues[$0] }
        } catch {
            Logger.writeToStderr("payment-ops: \(error)")
            throw ExitCode.failure
        }
        let reconciliation = service.gateway == nil ? nil : Self.reconcileInBackground(service, logger: logger)
        defer { reconciliation?.cancel() }
        let server = MCPHTTPServer(
            catalog: makeCatalog(service: service), options: ServerOptions(), settings: settings, logger: logger)
        try await server.run()
    }

    /// Serves with the settings from the environment and `envFile` (or `./.env`).
    static func serve(envFile: String?) async throws {
        let (_, logger, service) = try await SettingsOptions.servingService(envFile: envFile)
        var reconciliation: Task<Void, Never>?
        if service.gateway == nil {
            logger.log(.warning, "STRIPE_API_KEY is not set: Stripe-backed tools will answer that it is missing")
        } else {
            reconciliation = Self.reconcileInBackground(service, logger: logger)
        }
        defer { reconciliation?.cancel() }
        try await StdioTransport.serve(catalog: makeCatalog(service: service), options: ServerOptions(), logger: logger)
    }

    /// Settles pending refunds at start-up and then every minute, without delaying the server: it serves while
    /// this runs, and a failure is only logged to stderr (the rows stay pending for the next run). A minute with
    /// nothing pending costs one indexed query and no call to Stripe.
    private static func reconcileInBackground(_ service: PaymentService, logger: Logger) -> Task<Void, Never> {
        Task.detached(priority: .utility) {
            await service.reconcilePeriodically(every: reconciliationInterval) { outcome in
                switch outcome {
                case .success(let report) where report.rows.isEmpty:
                    break
                case .success(let report)
                where report.rows.allSatisfy { $0.status == .pending && $0.stripeRefundID != nil }:
                    // Refunds Stripe has not finished are looked at every minute, possibly for days.
                    logger.log(.debug, report.text)
                case .success(let report):
                    logger.log(.info, report.text)
                case .failure(let error):
                    logger.log(.error, "background reconciliation failed; pending refunds stay pending: \(error)")
                }
            }
        }
    }
}
