/// Facts about this build of payment-ops that several layers report.
public enum PaymentOps {
    /// The release version, reported in `serverInfo`, `--version` and Stripe's `User-Agent`.
    public static let version = "0.1.0"
}
