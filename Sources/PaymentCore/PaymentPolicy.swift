import FoundationEssentials

/// The settings that shape what PaymentCore allows and records, with the design's defaults.
public struct PaymentPolicy: Sendable {
    /// Orders at most this many whole days old can be refunded (`REFUND_WINDOW_DAYS`).
    public var refundWindowDays: Int
    /// Who is recorded as acting, in `refund_log.refunded_by` and `review_flags.flagged_by` (`PAYMENT_OPS_ACTOR`).
    public var actor: String
    /// How long a refund preview's confirmation token stays usable.
    public var approvalLifetime: TimeInterval
    /// How old a pending journal row must be before reconciliation settles it.
    ///
    /// A younger row may belong to a refund another server process is creating right now; settling it as "not
    /// found" would record a failure for a refund Stripe is about to make.
    public var reconciliationGrace: TimeInterval
    /// The current time; tests inject a clock.
    public var now: @Sendable () -> Date

    /// Creates a policy; every argument has the design's default.
    public init(
        refundWindowDays: Int = 90, actor: String = "ai-assistant", approvalLifetime: TimeInterval = 600,
        reconciliationGrace: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.refundWindowDays = refundWindowDays
        self.actor = actor
        self.approvalLifetime = approvalLifetime
        self.reconciliationGrace = reconciliationGrace
        self.now = now
    }

    /// The order's age in whole days: an order created 90 days and 23 hours ago is 90 days old.
    ///
    /// An order stamped in the future (clock skew between systems) counts as 0 days old.
    func ageInDays(of createdAt: Date, at now: Date) -> Int {
        let seconds = now.timeIntervalSince(createdAt)
        return seconds <= 0 ? 0 : Int((seconds / 86_400).rounded(.down))
    }

    /// Whether an order of this age may still be refunded: exactly `refundWindowDays` old is, one more day is not.
    func isWithinRefundWindow(ageInDays: Int) -> Bool {
        ageInDays <= refundWindowDays
    }
}
