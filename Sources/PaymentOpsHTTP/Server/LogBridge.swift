import Logging
import PaymentOpsMCP

/// Hummingbird's and the HTTP client's swift-log messages, written through the server's own logger (stderr, its
/// threshold). Metadata is dropped: it could carry request details, and nothing here needs it.
struct LogBridge: LogHandler {
    /// The server's logger.
    let logger: PaymentOpsMCP.Logger
    var metadata: Logging.Logger.Metadata = [:]
    var logLevel: Logging.Logger.Level = .trace

    subscript(metadataKey key: String) -> Logging.Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let mapped: LogLevel
        switch event.level {
        case .trace, .debug: mapped = .debug
        case .info: mapped = .info
        case .notice: mapped = .notice
        case .warning: mapped = .warning
        case .error: mapped = .error
        case .critical: mapped = .critical
        }
        logger.log(mapped, "http: \(event.message)")
    }
}
