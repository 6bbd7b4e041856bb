import FoundationEssentials
import OrdersStore
import Whitespace

extension PaymentService {
    /// `issue_refund`: previews a refund, or makes it once a human approved it.
    ///
    /// - Without `confirmed`: checks the policy and answers a preview with a single-use `confirmation_token`
    ///   bound to order, amount and reason (stored in the database, valid for ten minutes). No money moves.
    /// - With `confirmed` and an `approver` that can ask: resolves the refund as a preview would, asks the human,
    ///   and refunds only on `.approved`; a decline or cancel answers `.declined` (and uses up the token, if one
    ///   was given); a timeout answers a preview whose token stays usable.
    /// - With `confirmed` otherwise: the token of a preview of this same refund is required.
    /// - When a second approval is configured and the approved refund would take the order's refunded total above
    ///   its currency's limit, it is not made: the answer is `.awaitingApproval` with the id of a stored refund
    ///   request that another person decides with `decideRefundRequest`.
    ///
    /// Missing `payment_intent_id`, `amount_cents`, `reason` and `note` default to the token's when one is given.
    /// Everything before the approver is asked only reads, so a call the approver ends by throwing leaves no trace.
    /// - Throws: `PaymentError` for bad arguments, policy refusals, token problems, a missing Stripe
    ///   configuration, or a Stripe failure before any money could move; store errors; whatever the approver
    ///   throws, unchanged.
    /// - Parameter actor: who asks for the refund (the journal's `refunded_by`); `nil`: the policy's actor.
    public func issueRefund(
        _ request: RefundRequest, approver: (any RefundApprover)? = nil, actor: String? = nil
    ) async throws -> RefundResult {
        let actor = actor ?? policy.actor
        let email = try InputValidation.email(request.email)
        let paymentIntentID = try request.paymentIntentID.map(InputValidation.paymentIntentID)
        let amount = try request.amountCents.map { try InputValidation.amount($0) }
        let note = try InputValidation.note(request.note)
        let token = request.confirmationToken?.trimmingWhitespace()
        if request.confirmed, approver == nil, token == nil { throw Self.tokenRequired }
        var approval: RefundApproval?
        if request.confirmed, let token { approval = try await approvalRecord(token: token) }
        // A used or expired token is named as such, before planning could refuse for a reason it caused.
        if let approval { try checkUsable(approval, at: policy.now()) }
        if let approval, approval.refundRequestID != nil { throw Self.approvalTokenElsewhere }

        let target: RefundTarget =
            paymentIntentID.map(RefundTarget.paymentIntent) ?? approval.map { .order($0.orderID) } ?? .mostRecentPaid
        let plan = try await planRefund(
            email: email, target: target, amount: amount ?? approval?.amountCents,
            reason: request.reason ?? approval.flatMap { RefundReason(rawValue: $0.reason) } ?? .requestedByCustomer,
            note: note ?? approval?.note)
        guard request.confirmed else { return try await preview(plan) }
        if let approval { try check(approval, matches: plan, at: policy.now()) }

        return try await passGate(plan, approver: approver, approval: approval, tokenRequired: Self.tokenRequired) {
            token, approvedVia in
            try await execute(plan, token: token, approvedVia: approvedVia, actor: actor)
        }
    }

    /// The gate a confirmed refund passes, for `issue_refund` and `approve_refund` alike: the human's answer, when
    /// the client can ask, or else the confirmation token, decides.
    ///
    /// An approval carries the refund out; a decline or cancel answers `.declined` and uses up the token; a timeout
    /// answers a preview whose token stays usable; without a human, the token is required.
    /// - Parameters:
    ///   - approval: the confirmation token the call carries, if any, already checked against `plan`.
    ///   - requestID: the refund request a second approval decides; a fresh preview's token is bound to it.
    ///   - tokenRequired: the refusal when no human can be asked and the call carries no token.
    ///   - carryOut: makes the refund with the token to use up and how it was approved (`elicitation` or
    ///     `confirmation_token`).
    func passGate(
        _ plan: RefundPlan, approver: (any RefundApprover)?, approval: RefundApproval?, requestID: String? = nil,
        tokenRequired: PaymentError, carryOut: (_ token: String?, _ approvedVia: String) async throws -> RefundResult
    ) async throws -> RefundResult {
        switch try await approver?.approve(plan.approvalRequest) ?? .unavailable {
        case .approved:
            return try await carryOut(approval?.token, "elicitation")
        case .declined:
            return try await decline(
                plan, token: approval?.token, outcome: "declined", reason: "declined by the approver")
        case .cancelled:
            return try await decline(
                plan, token: approval?.token, outcome: "cancelled", reason: "the approval request was dismissed")
        case .timedOut:
            guard let approval else { return try await preview(plan, requestID: requestID, approvalTimedOut: true) }
            var result = plan.result(.preview)
            result.confirmationToken = approval.token
            result.expiresAt = approval.expiresAt
            result.approvalTimedOut = true
            return result
        case .unavailable:
            guard let approval else { throw tokenRequired }
            return try await carryOut(approval.token, "confirmation_token")
        }
    }

    /// The refusal of a confirmed call that carries no token when no human can be asked.
    private static let tokenRequired = PaymentError.refused(
        "confirmed: true needs the confirmation_token from a preview of this refund. Call issue_refund without "
            + "confirmed, show the user the preview, and confirm only if they approve.")

    /// The refusal of an approve_refund token presented to issue_refund.
    private static let approvalTokenElsewhere = PaymentError.refused(
        "That confirmation_token approves a refund request through approve_refund, not issue_refund. Nothing was "
            + "refunded. Call issue_refund without confirmed for a preview of the refund you mean to make.")

    /// Stores a fresh confirmation token for the plan (bound to the refund request it approves, if any) and answers
    /// the preview.
    func preview(_ plan: RefundPlan, requestID: String? = nil, approvalTimedOut: Bool = false) async throws
        -> RefundResult
    {
        let token = ApprovalToken.make()
        let expiresAt = policy.now().adding(policy.approvalLifetime)
        try await store.write { db in
            try db.insertRefundApproval(
                RefundApproval(
                    token: token, orderID: plan.order.id, amountCents: plan.amount, currency: plan.order.currency,
                    reason: plan.reason.rawValue, note: plan.note, expiresAt: expiresAt, usedAt: nil, outcome: nil,
                    refundRequestID: requestID))
        }
        var result = plan.result(.preview)
        result.confirmationToken = token
        result.expiresAt = expiresAt
        result.approvalTimedOut = approvalTimedOut
        return result
    }

    /// Answers a declined refund, using up its token so it cannot be confirmed later.
    func decline(_ plan: RefundPlan, token: String?, outcome: String, reason: String) async throws
        -> RefundResult
    {
        if let token {
            _ = try await store.write { db in try db.useRefundApproval(token: token, at: policy.now(), outcome: outcome)
            }
        }
        var result = plan.result(.declined)
        result.failureReason = reason
        return result
    }

    /// The stored token, or a refusal saying it is unknown.
    func approvalRecord(token: String) async throws -> RefundApproval {
        guard let approval = try await store.read({ db in try db.refundApproval(token: token) }) else {
            throw PaymentError.refused(
                "That confirmation_token is not one this server issued. Nothing was refunded. Call issue_refund "
                    + "without confirmed to preview the refund and get a token.")
        }
        return approval
    }

    /// Refuses a token that was used or superseded, has expired, or was issued for another refund (or for another
    /// refund request: `requestID` is the one being approved, `nil` for `issue_refund`).
    func check(_ approval: RefundApproval, matches plan: RefundPlan, requestID: String? = nil, at now: Date) throws {
        try checkUsable(approval, at: now)
        guard approval.orderID == plan.order.id, approval.amountCents == plan.amount,
            approval.currency == plan.order.currency, approval.reason == plan.reason.rawValue,
            approval.refundRequestID == requestID
        else {
            throw PaymentError.refused(
                "That confirmation_token was issued for a different refund (the order, amount or reason differ). "
                    + "Nothing was refunded. Preview the refund you mean to make, show it to the user, and confirm "
                    + "with that preview's token.")
        }
    }

    /// Refuses a token that was used or superseded, or has expired, whatever refund it is presented for.
    func checkUsable(_ approval: RefundApproval, at now: Date) throws {
        guard approval.outcome != RefundApproval.supersededOutcome else {
            throw PaymentError.refused(
                "That confirmation_token was superseded: another refund of order \(approval.orderID) was made after "
                    + "it was issued. Nothing more was refunded. Preview again only if the user wants another refund.")
        }
        guard approval.usedAt == nil else {
            throw PaymentError.refused(
                "That confirmation_token was already used (\(approval.outcome ?? "used")); a token works once. "
                    + "Nothing more was refunded. Preview again only if the user wants another refund.")
        }
        guard approval.expiresAt > now else {
            throw PaymentError.refused(
                "That confirmation_token expired at \(Timestamps.iso8601(approval.expiresAt)). Nothing was "
                    + "refunded. Call issue_refund without confirmed for a fresh preview and ask the user again.")
        }
    }
}
