public import FoundationEssentials
import OrdersStore

/// The settings that shape what PaymentCore allows and records, with the design's defaults — the one place
/// those defaults are written.
public struct PaymentPolicy: Sendable {
    /// The refund window when `REFUND_WINDOW_DAYS` is not set.
    public static let defaultRefundWindowDays = 90
    /// The actor when `PAYMENT_OPS_ACTOR` is not set.
    public static let defaultActor = "ai-assistant"

    /// Orders at most this many whole days old can be refunded (`REFUND_WINDOW_DAYS`).
    public var refundWindowDays: Int
    /// Who is recorded as acting, in `refund_log.refunded_by` and `review_flags.flagged_by` (`PAYMENT_OPS_ACTOR`).
    public var actor: String
    /// How long a refund preview's confirmation token stays usable.
    public var approvalLifetime: Duration
    /// Which refunds need a second person's approval (`PAYMENT_OPS_SECOND_APPROVAL_OVER`); `nil`: none do.
    public var secondApproval: SecondApprovalPolicy?
    /// The least time a pending journal row without a Stripe id waits before reconciliation settles it; a slow
    /// Stripe configuration lengthens the wait (`reconciliationGrace(for:)`).
    public var minimumReconciliationGrace: Duration
    /// The current time; tests inject a clock.
    public var now: @Sendable () -> Date

    /// Creates a policy; every argument has the design's default.
    public init(
        refundWindowDays: Int = PaymentPolicy.defaultRefundWindowDays, actor: String = PaymentPolicy.defaultActor,
        approvalLifetime: Duration = .seconds(600), secondApproval: SecondApprovalPolicy? = nil,
        minimumReconciliationGrace: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.refundWindowDays = refundWindowDays
        self.actor = actor
        self.approvalLifetime = approvalLifetime
        self.secondApproval = secondApproval
        self.minimumReconciliationGrace = minimumReconciliationGrace
        self.now = now
    }

    /// What the grace adds to the longest Stripe call: clock differences between processes and scheduling delays.
    static let reconciliationMargin: Duration = .seconds(60)

    /// How old a pending journal row without a Stripe id must be before reconciliation settles it.
    ///
    /// A younger row may belong to a refund another server process is creating right now; settling it as "not
    /// found" would record a failure for a refund Stripe is about to make. The row's time is taken before its
    /// journal write, which may wait out the database's busy timeout, and Stripe may create the refund until the
    /// gateway's longest call ends; the grace covers both and a margin, and is never below the minimum. With the
    /// default Stripe configuration that is 5 s + 260 s + 60 s = 325 s.
    /// - Parameter gateway: Stripe, or `nil` when it is not configured.
    public func reconciliationGrace(for gateway: (any PaymentGateway)?) -> Duration {
        let longestCall = gateway?.longestCall ?? .zero
        let derived = Database.defaultBusyTimeout + longestCall + Self.reconciliationMargin
        return max(minimumReconciliationGrace, derived)
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
