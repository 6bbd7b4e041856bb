import StripeClient

/// The settings in force as `payment-ops doctor` shows them: plain values, with the Stripe key classified by
/// `StripeKey`, whose printed form is only its prefix (`rk_test_…`), so the key itself is never printed or logged.
public struct DoctorSettings: Sendable {
    /// The classified key, the reason it is unusable, or `nil` when no key is set.
    public var stripeKey: Result<StripeKey, StripeError>?
    /// `DATABASE_URL`.
    public var databaseURL: String
    /// `STRIPE_API_BASE`.
    public var stripeAPIBase: String
    /// Whether `PAYMENT_OPS_ALLOW_LIVE=1` is set.
    public var allowLive: Bool
    /// `REFUND_WINDOW_DAYS`.
    public var refundWindowDays: Int
    /// `PAYMENT_OPS_ACTOR`.
    public var actor: String

    /// Creates the settings, classifying `stripeKey`.
    public init(
        stripeKey: String?, databaseURL: String, stripeAPIBase: String, allowLive: Bool, refundWindowDays: Int,
        actor: String
    ) {
        self.stripeKey = stripeKey.map { text in Result { () throws(StripeError) in try StripeKey(text) } }
        self.databaseURL = databaseURL
        self.stripeAPIBase = stripeAPIBase
        self.allowLive = allowLive
        self.refundWindowDays = refundWindowDays
        self.actor = actor
    }
}
