/// Which refunds need a second person's approval (`PAYMENT_OPS_SECOND_APPROVAL_OVER`): those that would take their
/// order's refunded total above their currency's limit.
public struct SecondApprovalPolicy: Sendable, Hashable {
    /// How long a refund request waits for its second approval when nothing else is set.
    public static let defaultRequestLifetime: Duration = .seconds(24 * 3600)

    /// The limit per lower-case currency code, in that currency's minor units.
    public var limits: [String: Int]
    /// The limit of every currency `limits` does not name (`*`); `nil`: those currencies need no second approval.
    public var otherCurrencies: Int?
    /// How long a request can be decided after it was made.
    public var requestLifetime: Duration

    /// Creates a policy; currency codes are lower-cased.
    public init(
        limits: [String: Int], otherCurrencies: Int? = nil,
        requestLifetime: Duration = SecondApprovalPolicy.defaultRequestLifetime
    ) {
        self.limits = Dictionary(
            limits.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.otherCurrencies = otherCurrencies
        self.requestLifetime = requestLifetime
    }

    /// The limit that applies to `currency`, or `nil` when refunds in it never need a second approval.
    public func limit(for currency: String) -> Int? {
        limits[currency.lowercased()] ?? otherCurrencies
    }

    /// Whether an order whose journal already holds `refunded` (succeeded and pending) needs a second approval to
    /// refund `amount` more in `currency`: the total after this refund is above the limit. A total too large to
    /// compute is above every limit.
    func needsSecondApproval(refunded: Int, amount: Int, currency: String) -> Bool {
        guard let limit = limit(for: currency) else { return false }
        let (total, overflow) = refunded.addingReportingOverflow(amount)
        return overflow || total > limit
    }
}
