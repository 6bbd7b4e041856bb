import Glibc

/// MCP over stdio: lines from stdin into the engine, messages from the engine to stdout.
public enum StdioTransport {
    /// Longest accepted line; longer lines get an error and the server keeps serving.
    static let lineLimit = 4 * 1024 * 1024
    /// How long in-flight work may finish after stdin closes or a signal arrives.
    static let shutdownGrace: Duration = .seconds(3)

    /// Serves until stdin closes or SIGTERM/SIGINT arrives, lets in-flight work finish (bounded
    /// by `shutdownGrace`), then exits the process with status 0.
    public static func serve(catalog: Catalog, options: ServerOptions, logger: Logger) async throws -> Never {
        signal(SIGPIPE, SIG_IGN)
        if isatty(0) == 1 { Logger.writeToStderr(terminalNote) }
        let writer = OutputWriter(descriptor: 1, logger: logger)
        let server = Server(catalog: catalog, options: options, logger: logger, outbound: writer.write)
        let (events, input) = AsyncStream.makeStream(of: LineSplitter.Event.self)
        // A signal ends the input as EOF does, so both take the same path to a clean exit.
        try SignalWatcher.start(signals: [SIGTERM, SIGINT]) { signalNumber in
            logger.log(.info, "signal \(signalNumber): no more requests")
            input.finish()
        }
        try InputReader.start(descriptor: 0, lineLimit: lineLimit, into: input)
        logger.log(.info, "serving MCP on stdio (\(catalog.tools.count) tools)")
        await withDiscardingTaskGroup { group in
            for await event in events {
                let reply: Reply
                switch event {
                case .line(let bytes): reply = await server.receive(bytes)
                case .oversized: reply = await server.receiveOversizedLine(limit: lineLimit)
                }
                switch reply {
                case .none: break
                case .immediate(let response): writer.write(response)
                case .pending(let task):
                    group.addTask {
                        if let response = await task.value { writer.write(response) }
                    }
                }
            }
            logger.log(.info, "input ended: finishing in-flight requests")
            await server.inputClosed()
            exitAfterGrace(logger: logger)
        }
        exit(0)
    }

    /// Ends the process after `shutdownGrace` even if some work is still running.
    private static func exitAfterGrace(logger: Logger) {
        Task.detached {
            try? await Task.sleep(for: shutdownGrace)
            logger.log(.warning, "in-flight requests did not finish in time; exiting")
            exit(0)
        }
    }

    /// What a person who starts the server on a terminal needs to know.
    static let terminalNote = """
        payment-ops is an MCP server: it speaks JSON-RPC on stdin/stdout and is meant to be started
        by an MCP client such as Claude Desktop (add it under "mcpServers" in claude_desktop_config.json).
        To try it by hand, type or pipe one JSON-RPC message per line, for example:
          {"jsonrpc":"2.0","id":1,"method":"ping"}
        Press Ctrl-D to end.
        """
}
