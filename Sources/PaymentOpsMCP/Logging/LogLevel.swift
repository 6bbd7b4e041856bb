/// A log severity, in the order of RFC 5424 as MCP's `logging/setLevel` uses them.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    case debug, info, notice, warning, error, critical, alert, emergency

    /// Reads a level name as MCP and `LOG_LEVEL` spell it (`warn` is accepted for `warning`).
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "warn" {
            self = .warning
            return
        }
        guard let level = Self.allCases.first(where: { $0.name == lowered }) else { return nil }
        self = level
    }

    /// The level's name on the wire.
    public var name: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        case .alert: "alert"
        case .emergency: "emergency"
        }
    }

    /// Orders levels by severity.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
