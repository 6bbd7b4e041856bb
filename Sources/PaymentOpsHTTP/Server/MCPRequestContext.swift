import Hummingbird
import NIOCore

/// The team server's request context: Hummingbird's basics, plus a way to learn that the client closed the
/// request's connection, so that an event stream whose client went away can stop the work it was carrying.
struct MCPRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    var coreContext: CoreRequestContextStorage
    /// The request's connection.
    private let channel: any Channel

    /// Creates the context for a request on `source.channel`.
    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The connection's close signal; `nil` when its pipeline has no `InboundCloseHandler`.
    func inboundCloseSignal() async -> InboundCloseSignal? {
        let channel = self.channel
        return try? await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: InboundCloseHandler.self).signal
        }.get()
    }
}
