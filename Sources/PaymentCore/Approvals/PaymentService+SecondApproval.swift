import FoundationEssentials
import OrdersStore
import Whitespace

extension PaymentService {
    /// `approve_refund` without an id: the refund requests nobody has decided that have not expired, oldest first.
    ///
    /// - Throws: `PaymentError.Kind.refused` when no second approval is configured; store errors.
    public func pendingRefundRequests() async throws -> PendingRefundRequests {
        guard policy.secondApproval != nil else { throw Self.secondApprovalOff }
        let now = policy.now()
        return try await store.read { db in
            PendingRefundRequests(
                requests: try db.pendingApprovalRequests(at: now).map { request in
                    let order = try db.order(id: request.orderID)
                    let customer = try order.flatMap { try db.customer(id: $0.customerID) }
                    return PendingRefundRequests.Request(
                        approvalRequestID: request.id, orderID: request.orderID,
                        paymentIntentID: order?.paymentIntentID, customerEmail: customer?.email,
                        amountCents: request.amountCents, currency: request.currency, reason: request.reason,
                        note: request.note, requestedBy: request.requestedBy, createdAt: request.createdAt,
                        expiresAt: request.expiresAt)
                })
        }
    }

    /// `approve_refund` with an id: rejects a refund request, or approves it through the same gate as
    /// `issueRefund` and makes the refund.
    ///
    /// - `reject` decides the request at once; nothing moves and no token is needed.
    /// - `approve` is refused to the requester. Without `confirmed` it re-checks the policy (ownership, window,
    ///   what remains refundable) and answers a preview with a confirmation token bound to this request. With
    ///   `confirmed` the approver's human approves through `approver` when it can ask, otherwise the preview's
    ///   token is required; then the refund runs through the journal-first path, deciding the request in the
    ///   journal's transaction, with `refunded_by` the requester and `approved_by` the approver.
    ///
    /// A request is decided once, before it expires. Everything before the approver is asked only reads.
    /// - Parameter actor: who decides (`decided_by`, `approved_by`); `nil`: the policy's actor.
    /// - Throws: `PaymentError` for bad arguments, refusals (second approval off, unknown, decided or expired
    ///   request, self-approval, policy, token problems) and Stripe failures before money moved; store errors;
    ///   whatever the approver throws, unchanged.
    public func decideRefundRequest(
        _ decision: RefundDecisionRequest, approver: (any RefundApprover)? = nil, actor: String? = nil
    ) async throws -> RefundResult {
        guard policy.secondApproval != nil else { throw Self.secondApprovalOff }
        let actor = actor ?? policy.actor
        let id = decision.approvalRequestID.trimmingWhitespace()
        let note = try InputValidation.note(decision.note)
        let token = decision.confirmationToken?.trimmingWhitespace()
        let (request, order, customer) = try await store.read { db in
            guard let request = try db.approvalRequest(id: id) else { throw Self.unknownRequest }
            let order = try db.order(id: request.orderID)
            return (request, order, try order.flatMap { try db.customer(id: $0.customerID) })
        }
        try checkUndecided(request, at: policy.now())
        guard let order, let customer else {
            throw PaymentError.refused(
                "The order of refund request \(request.id) is no longer in the orders database. Nothing was refunded; "
                    + "reject the request.")
        }
        if decision.decision == .reject {
            return try await reject(request, order: order, customer: customer, note: note, actor: actor)
        }
        guard request.requestedBy.lowercased() != actor.lowercased() else {
            throw PaymentError.refused(
                "You asked for this refund yourself (as \(actor)); the second approval must come from another person. "
                    + "Nothing was refunded. Ask a colleague who may approve refunds to decide request \(request.id).")
        }
        if decision.confirmed, approver == nil, token == nil { throw Self.approvalTokenRequired }
        var approval: RefundApproval?
        if decision.confirmed, let token { approval = try await approvalRecord(token: token) }
        if let approval { try checkUsable(approval, at: policy.now()) }

        var plan = try await planRefund(
            email: customer.email, target: .order(order.id), amount: request.amountCents,
            reason: RefundReason(rawValue: request.reason) ?? .requestedByCustomer, note: request.note)
        plan.requestedBy = request.requestedBy
        let describe = { (result: RefundResult) in Self.describing(result, request: request) }
        guard decision.confirmed else { return describe(try await preview(plan, requestID: request.id)) }
        if let approval { try check(approval, matches: plan, requestID: request.id, at: policy.now()) }
        let grant = SecondApprovalGrant(request: request, approver: actor, note: note)

        let result = try await passGate(
            plan, approver: approver, approval: approval, requestID: request.id,
            tokenRequired: Self.approvalTokenRequired
        ) { token, _ in
            // However the approver's human approved, the refund was approved by a second person.
            try await execute(plan, token: token, approvedVia: "second_approval", actor: actor, grant: grant)
        }
        return describe(result)
    }

    /// Rejects a request atomically and answers `.rejected`; the refundable figure is the journal's, since
    /// nothing is asked of Stripe for a rejection.
    private func reject(
        _ request: ApprovalRequest, order: Order, customer: Customer, note: String?, actor: String
    ) async throws -> RefundResult {
        let now = policy.now()
        let journal = try await store.write { db -> RefundTotals in
            guard try db.decideApprovalRequest(id: request.id, decision: .reject, by: actor, note: note, at: now)
            else { throw Self.decidedMeanwhile(request.id) }
            return try db.refundTotals(orderID: order.id)
        }
        var result = RefundResult(
            status: .rejected, orderID: order.id, paymentIntentID: order.paymentIntentID ?? "",
            customerEmail: customer.email, amountCents: request.amountCents, currency: request.currency,
            reason: RefundReason(rawValue: request.reason) ?? .requestedByCustomer, note: request.note,
            orderAgeDays: policy.ageInDays(of: order.createdAt, at: now),
            refundableCents: RefundPlan.refundable(orderAmount: order.amountCents, journal: journal, stripeRefunded: 0)
                ?? 0)
        result.approvalRequestID = request.id
        result.requestedBy = request.requestedBy
        result.decidedBy = actor
        return result
    }

    /// A result about a request's refund that names the request and its requester.
    private static func describing(_ result: RefundResult, request: ApprovalRequest) -> RefundResult {
        var result = result
        result.approvalRequestID = request.id
        result.requestedBy = request.requestedBy
        return result
    }

    /// Refuses a request that was decided or has expired.
    private func checkUndecided(_ request: ApprovalRequest, at now: Date) throws {
        if let decision = request.decision {
            let what = decision == .approve ? "approved" : "rejected"
            throw PaymentError.refused(
                "Refund request \(request.id) was already \(what) by \(request.decidedBy ?? "someone")"
                    + "\(request.decidedAt.map { " at \(Timestamps.iso8601($0))" } ?? ""); a request is decided "
                    + "once. Nothing more was refunded.")
        }
        guard request.expiresAt > now else {
            throw PaymentError.refused(
                "Refund request \(request.id) expired at \(Timestamps.iso8601(request.expiresAt)) without a "
                    + "decision; nothing was refunded. If the refund is still wanted, the requester asks for it again "
                    + "with issue_refund.")
        }
    }

    /// The answer of the approval operations when no second approval is configured.
    static let secondApprovalOff = PaymentError.refused(
        "Second approval is not configured on this server (PAYMENT_OPS_SECOND_APPROVAL_OVER is unset), so no refund "
            + "waits for one.")

    /// The refusal of an id no request has.
    private static let unknownRequest = PaymentError.notFound(
        "No refund request has that approval_request_id. Call approve_refund without an id to list the requests "
            + "waiting for a decision.")

    /// The refusal of a confirmed approval without a token when no human can be asked.
    private static let approvalTokenRequired = PaymentError.refused(
        "confirmed: true needs the confirmation_token from a preview of this approval. Call approve_refund with the "
            + "approval_request_id and decision approve but without confirmed, show the user the preview, and "
            + "confirm only if they approve.")

    /// The refusal of a decision another approver made first.
    static func decidedMeanwhile(_ id: String) -> PaymentError {
        PaymentError.refused(
            "Refund request \(id) was decided by someone else meanwhile, or expired; a request is decided once. "
                + "Nothing more was refunded. Call approve_refund without an id to see the requests still pending.")
    }
}
