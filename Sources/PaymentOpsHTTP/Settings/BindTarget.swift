/// Where the server listens: `--http HOST:PORT`, `[::1]:PORT` for IPv6.
public struct BindTarget: Sendable, Equatable {
    /// `--http`'s default.
    public static let defaultValue = "127.0.0.1:8931"
    /// The host name or address, without brackets.
    public let host: String
    /// The TCP port; 0 lets the system choose (tests).
    public let port: Int

    /// Creates a target.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Reads `HOST:PORT` or `[IPv6]:PORT`.
    public init(parsing text: String) throws(HTTPSettingsError) {
        let problem = HTTPSettingsError("--http takes HOST:PORT (or [IPv6]:PORT), not \"\(text)\"")
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw problem
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { throw problem }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        guard !hostPart.isEmpty, let port = Int(portPart), (0...65_535).contains(port) else { throw problem }
        self.init(host: String(hostPart), port: port)
    }
}
