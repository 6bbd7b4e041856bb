import ArgumentParser
import OrdersStore
import PaymentCore

/// The `payment-ops` command line.
@main
struct PaymentOpsCommand: AsyncParsableCommand {
    /// Names the command, its version and its subcommands; `serve` is the default.
    static let configuration = CommandConfiguration(
        commandName: "payment-ops",
        abstract: "An MCP server for payment support: Stripe joined with the orders database.",
        discussion: """
            Started without a subcommand it serves MCP on stdin/stdout, as Claude Desktop and other
            MCP clients expect. For debugging, pipe JSON-RPC into it, one message per line:
              echo '{"jsonrpc":"2.0","id":1,"method":"ping"}' | payment-ops
            """,
        version: PaymentOps.version,
        subcommands: [ServeCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

/// `payment-ops serve`: the stdio MCP server.
struct ServeCommand: AsyncParsableCommand {
    /// Describes the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve MCP over stdin/stdout (the default).",
        version: PaymentOps.version
    )

    /// Creates the command; ArgumentParser fills in the options.
    init() {}

    /// Runs the server until stdin closes or SIGTERM/SIGINT arrives.
    func run() async throws {
        let logger = Logger(threshold: LogLevel.fromEnvironment())
        let service = PaymentService(store: try OrdersStore(url: "sqlite::memory:"), gateway: nil)
        try await StdioTransport.serve(catalog: makeCatalog(service: service), options: ServerOptions(), logger: logger)
    }
}
