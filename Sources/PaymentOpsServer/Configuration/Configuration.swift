import FoundationEssentials
import PaymentCore
import PaymentOpsMCP
import Whitespace

/// The settings in force: the process environment first, then a `.env` file, then the defaults.
struct Configuration: Equatable {
    /// The Stripe secret or restricted key, if any; Stripe-backed tools refuse to run without one.
    var stripeAPIKey: String?
    /// Where the orders database lives (`sqlite:///relative.db`, `sqlite:////absolute.db`, `sqlite::memory:`).
    var databaseURL = "sqlite:///./payments.db"
    /// Stripe's base URL; tests point it at a loopback fake.
    var stripeAPIBase = "https://api.stripe.com"
    /// Whether live-mode keys are accepted.
    var allowLive = false
    /// Orders older than this many days are not refunded.
    var refundWindowDays = PaymentPolicy.defaultRefundWindowDays
    /// Who the audit trail names for refunds and flags.
    var actor = PaymentPolicy.defaultActor
    /// The least severe level written to stderr.
    var logLevel = LogLevel.info
    /// Which refunds need a second person's approval (`PAYMENT_OPS_SECOND_APPROVAL_OVER`); `nil`: none.
    var secondApproval: SecondApprovalPolicy?
    /// The team server's settings as set (`serve --http` reads them through `HTTPSettings`), by name.
    var httpValues: [String: String] = [:]
    /// The names `httpValues` collects.
    static let httpSettingNames = [
        "PAYMENT_OPS_PUBLIC_URL", "PAYMENT_OPS_OAUTH_ISSUER", "PAYMENT_OPS_ALLOWED_ORIGINS", "PAYMENT_OPS_RATE_LIMIT",
    ]

    /// Reads the settings from `environment`, falling back to the values of a `.env` file.
    ///
    /// - Throws: `ConfigurationError` for a value that is not allowed.
    init(environment: [String: String], dotEnv: [String: String] = [:]) throws(ConfigurationError) {
        func value(_ name: String) -> String? {
            let raw = environment[name] ?? dotEnv[name]
            guard let trimmed = raw?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        stripeAPIKey = value("STRIPE_API_KEY")
        if let url = value("DATABASE_URL") { databaseURL = url }
        if let base = value("STRIPE_API_BASE") { stripeAPIBase = base }
        switch value("PAYMENT_OPS_ALLOW_LIVE") {
        case nil, "0": allowLive = false
        case "1": allowLive = true
        case let other?: throw ConfigurationError("PAYMENT_OPS_ALLOW_LIVE must be 1 or unset, not \"\(other)\"")
        }
        if let days = value("REFUND_WINDOW_DAYS") {
            guard let parsed = Int(days), (1...3650).contains(parsed) else {
                throw ConfigurationError(
                    "REFUND_WINDOW_DAYS must be a whole number of days from 1 to 3650, not \"\(days)\"")
            }
            refundWindowDays = parsed
        }
        if let actor = value("PAYMENT_OPS_ACTOR") {
            guard actor.count <= 100 else {
                throw ConfigurationError("PAYMENT_OPS_ACTOR must be at most 100 characters")
            }
            self.actor = actor
        }
        if let limits = value(Self.secondApprovalSetting) {
            secondApproval = try Self.secondApprovalPolicy(limits)
        }
        for name in Self.httpSettingNames { httpValues[name] = value(name) }
        if let level = value("LOG_LEVEL") {
            guard let parsed = LogLevel(name: level) else {
                throw ConfigurationError("LOG_LEVEL must be debug, info, warning or error, not \"\(level)\"")
            }
            logLevel = parsed
        }
    }

    /// Loads the settings for a command: the process environment, then `envFile` or `./.env` when it exists.
    ///
    /// - Parameter envFile: a file named by `--env-file`, which must exist.
    static func load(envFile: String?) throws(ConfigurationError) -> Configuration {
        let path = envFile ?? ".env"
        var dotEnv: [String: String] = [:]
        switch readFile(path) {
        case .some(let text): dotEnv = try DotEnv.parse(text, source: path)
        case .none where envFile != nil: throw ConfigurationError("--env-file \(path): no such readable file")
        case .none: break
        }
        return try Configuration(environment: ProcessInfo.processInfo.environment, dotEnv: dotEnv)
    }

    private static func readFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
