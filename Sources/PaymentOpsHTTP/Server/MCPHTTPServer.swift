import DynamicJSON
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
public import PaymentOpsMCP

/// The team server: MCP's Streamable HTTP transport at the public URL's path, an OAuth 2.1 resource server in front
/// of it, over the same engine the stdio transport drives.
public struct MCPHTTPServer: Sendable {
    private let settings: HTTPSettings
    private let endpoint: MCPEndpoint
    private let verifier: TokenVerifier
    private let logger: PaymentOpsMCP.Logger

    /// Creates the server; nothing listens until `run`.
    public init(catalog: Catalog, options: ServerOptions, settings: HTTPSettings, logger: PaymentOpsMCP.Logger) {
        self.settings = settings
        self.logger = logger
        verifier = TokenVerifier(settings: settings, logger: logger)
        let sessions = SessionTable(idleLifetime: settings.sessionIdleLifetime, now: settings.now) {
            Server(catalog: catalog, options: options, logger: logger, outbound: ExchangeRoute.send)
        }
        endpoint = MCPEndpoint(
            settings: settings, verifier: verifier, limiter: RateLimiter(rate: settings.rateLimit, now: settings.now),
            sessions: sessions, policy: ScopePolicy(catalog: catalog), logger: logger)
    }

    /// Serves until the task is cancelled or, with `handlingSignals`, SIGTERM or SIGINT arrives; then it stops
    /// accepting connections and lets in-flight requests finish.
    /// - Parameter onListening: Called with the bound port once the server listens (port 0 picks one: tests).
    public func run(handlingSignals: Bool = true, onListening: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        // In the background: an issuer that is slow to answer must not delay listening; the first request waits.
        let verifier = self.verifier
        Task { await verifier.prefetchKeys() }
        let logger = self.logger
        let application = Application(
            router: makeRouter(),
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: [
                        HeaderTimeoutHandler(timeout: settings.headerTimeout), InboundCloseHandler(),
                    ],
                    idleTimeout: settings.idleTimeout.timeAmount)),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.bind.host, port: settings.bind.port), serverName: "payment-ops"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.log(
                    .info, "serving MCP over HTTP on \(settings.bind.host):\(port) at \(settings.publicURL.path)")
                await onListening(port)
            },
            logger: Logging.Logger(label: "payment-ops") { _ in LogBridge(logger: logger) })
        if handlingSignals {
            try await application.runService()
        } else {
            try await application.run()
        }
    }

    private func makeRouter() -> Router<MCPRequestContext> {
        let router = Router(context: MCPRequestContext.self)
        let document = ProtectedResourceMetadata.document(settings)
        let metadata: @Sendable (Request, MCPRequestContext) async throws -> Response = { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: (try? JSONCodec.encode(document)) ?? [])))
        }
        router.get(RouterPath(ProtectedResourceMetadata.wellKnownPath), use: metadata)
        if settings.publicURL.metadataPath != ProtectedResourceMetadata.wellKnownPath {
            router.get(RouterPath(settings.publicURL.metadataPath), use: metadata)
        }
        let endpoint = self.endpoint
        router.group(RouterPath(settings.publicURL.path))
            .add(middleware: OriginCheck(allowed: settings.allowedOrigins))
            .post { request, context in try await endpoint.post(request, context: context) }
            .delete { request, context in try await endpoint.delete(request, context: context) }
            .get { request, context in try await endpoint.get(request, context: context) }
        return router
    }
}
