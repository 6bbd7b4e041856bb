import FoundationEssentials
import OrdersStore

extension PaymentService {
    /// The metadata key on a Stripe refund that holds its journal row id; reconciliation finds refunds by it.
    public static let refundLogMetadataKey = "payment_ops_refund_log_id"

    /// Makes an approved refund, crash-safely: journal first, then Stripe, then the journal again.
    ///
    /// 1. One transaction re-checks the refund window, re-checks what remains refundable against the journal as it
    ///    is now, uses the token (atomically: a second confirm with the same token is refused here), commits a
    ///    `pending` row with its idempotency key, and supersedes the order's other unused tokens (so that two
    ///    previews of one refund cannot make two refunds). A refund that would take the order's refunded total
    ///    above its currency's second-approval limit is not journalled: the same transaction stores a refund
    ///    request instead and the answer is `awaitingApproval`. Carrying out an approved request (`grant`) decides
    ///    the request in that transaction, so two approvers racing on one request make one refund.
    /// 2. Stripe creates the refund with that key, the row id in its metadata.
    /// 3. One transaction settles the row and the order status, or fails the row when Stripe certainly did not
    ///    act. An unknown outcome leaves the row pending for reconciliation.
    /// - Parameters:
    ///   - actor: who confirmed the refund; the journal's `refunded_by` unless `grant` names the requester.
    ///   - grant: the second approval this refund carries out, if it is one.
    func execute(
        _ plan: RefundPlan, token: String?, approvedVia: String, actor: String, grant: SecondApprovalGrant? = nil
    ) async throws -> RefundResult {
        guard let gateway else { throw PaymentError.stripeNotConfigured }
        let now = policy.now()
        let id = UUID().uuidString.lowercased()
        let idempotencyKey = "payment-ops-refund-\(id)"
        let entry = RefundLogEntry(
            id: id, orderID: plan.order.id, stripeRefundID: nil, amountCents: plan.amount,
            currency: plan.order.currency, reason: plan.reason.rawValue, note: plan.note,
            refundedBy: grant?.request.requestedBy ?? actor, status: .pending, idempotencyKey: idempotencyKey,
            approvedVia: approvedVia, approvedBy: grant?.approver, error: nil, createdAt: now, completedAt: nil)
        let journalled = try await store.write { db -> ApprovalRequest? in
            // The human may take a while to approve: the window is judged when the money moves, not at preview.
            let age = policy.ageInDays(of: plan.order.createdAt, at: now)
            guard policy.isWithinRefundWindow(ageInDays: age) else {
                throw PaymentError.refused(
                    "Order \(plan.order.id) turned \(age) days old before the refund was carried out; refunds are "
                        + "allowed up to \(policy.refundWindowDays) days after the order. Nothing was refunded. Tell "
                        + "the user the order is now outside the refund window.")
            }
            if let token {
                guard let approval = try db.refundApproval(token: token) else {
                    throw PaymentError.refused("That confirmation_token no longer exists. Nothing was refunded.")
                }
                try check(approval, matches: plan, requestID: grant?.request.id, at: now)
            }
            if let grant {
                guard
                    try db.decideApprovalRequest(
                        id: grant.request.id, decision: .approve, by: grant.approver, note: grant.note, at: now)
                else {
                    throw Self.decidedMeanwhile(grant.request.id)
                }
            }
            let journal = try db.refundTotals(orderID: plan.order.id)
            let refundable = try RefundPlan.refundable(
                plan.order, journal: journal, stripeRefunded: plan.stripeRefunded)
            guard plan.amount <= refundable else {
                throw PaymentError.refused(
                    "Another refund of order \(plan.order.id) was made meanwhile; only "
                        + "\(Money(amount: refundable, currency: plan.order.currency)) remains refundable. Nothing "
                        + "was refunded; preview again.")
            }
            if grant == nil,
                let request = try requestSecondApproval(plan, journal: journal, actor: actor, at: now, in: db)
            {
                if let token { try useToken(token, outcome: "awaiting_approval", at: now, in: db) }
                return request
            }
            if let token { try useToken(token, outcome: "approved", at: now, in: db) }
            try db.insertRefundLogEntry(entry)
            try db.supersedeRefundApprovals(orderID: plan.order.id, at: now)
            return nil
        }
        if let request = journalled {
            var result = plan.result(.awaitingApproval)
            result.approvalRequestID = request.id
            result.expiresAt = request.expiresAt
            result.requestedBy = request.requestedBy
            result.approvalLimitCents = policy.secondApproval?.limit(for: plan.order.currency)
            return result
        }

        var result = plan.result(.pending)
        result.refundLogID = entry.id
        result.approvedVia = approvedVia
        result.approvalRequestID = grant?.request.id
        result.requestedBy = grant?.request.requestedBy
        result.approvedBy = grant?.approver
        result.orderStatus = plan.order.status
        do {
            let refund = try await gateway.createRefund(
                paymentIntentID: plan.paymentIntentID, amount: plan.amount, reason: plan.reason,
                metadata: [Self.refundLogMetadataKey: entry.id, "payment_ops_order_id": plan.order.id],
                idempotencyKey: idempotencyKey)
            // Saturating: only compared with the order's amount, which it then certainly reaches.
            let (sum, overflow) = plan.stripeRefunded.addingReportingOverflow(plan.amount)
            return await record(
                refund, of: entry, order: plan.order, stripeRefunded: overflow ? Int.max : sum, into: result)
        } catch let error as GatewayError where error.requestWasNotApplied {
            let reason = error.explanation
            try await store.write { db in try db.failRefund(id: entry.id, error: reason, completedAt: policy.now()) }
            result.status = .failed
            result.failureReason = reason
            result.gatewayError = error
            return result
        } catch let error as GatewayError {
            result.failureReason = error.explanation
            result.gatewayError = error
            return result
        } catch {
            result.failureReason = "the request to Stripe was interrupted before its answer arrived"
            return result
        }
    }

    /// Uses a token inside the refund's transaction; refuses when another request used it first.
    private func useToken(_ token: String, outcome: String, at now: Date, in db: any OrdersTransaction) throws {
        guard try db.useRefundApproval(token: token, at: now, outcome: outcome) else {
            throw PaymentError.refused(
                "That confirmation_token was already used by another request; a token works once. Nothing "
                    + "more was refunded.")
        }
    }

    /// Stores a refund request and returns it when the refund would take the order's refunded total above its
    /// currency's second-approval limit; `nil` when no second approval is needed.
    ///
    /// The total counts the journal's succeeded and pending refunds (or what Stripe reports refunded, when that is
    /// more) plus this refund, so splitting a refund into parts below the limit does not get round it. Run inside
    /// the transaction that would journal the refund, after the order was locked by `refundTotals`.
    private func requestSecondApproval(
        _ plan: RefundPlan, journal: RefundTotals, actor: String, at now: Date, in db: any OrdersTransaction
    ) throws -> ApprovalRequest? {
        guard let secondApproval = policy.secondApproval else { return nil }
        let (journalled, overflow) = journal.succeededCents.addingReportingOverflow(journal.pendingCents)
        let refunded = overflow ? Int.max : max(journalled, plan.stripeRefunded)
        guard
            secondApproval.needsSecondApproval(refunded: refunded, amount: plan.amount, currency: plan.order.currency)
        else { return nil }
        let request = ApprovalRequest(
            id: ApprovalToken.make(prefix: "rrq_"), orderID: plan.order.id, amountCents: plan.amount,
            currency: plan.order.currency, reason: plan.reason.rawValue, note: plan.note, requestedBy: actor,
            createdAt: now, expiresAt: now.adding(secondApproval.requestLifetime))
        try db.insertApprovalRequest(request)
        return request
    }

    /// Records Stripe's refund in the journal and the order status; a failed write leaves the row pending for
    /// reconciliation, which finds the refund by its metadata.
    private func record(
        _ refund: ProcessorRefund, of entry: RefundLogEntry, order: Order, stripeRefunded: Int,
        into result: RefundResult
    ) async -> RefundResult {
        var result = result
        result.stripeRefundID = refund.id
        result.stripeRefundStatus = refund.status
        do {
            let outcome = try await store.write { db in
                try settle(entry, with: refund, order: order, stripeRefunded: stripeRefunded, in: db)
            }
            switch outcome {
            case .settled(let status):
                result.orderStatus = status
                result.status = .refunded
            case .stillPending:
                result.status = .pending
            case .failed(let reason):
                result.status = .failed
                result.failureReason = reason
            }
        } catch {
            result.failureReason =
                "Stripe created the refund, but the journal could not be updated; "
                + "reconciliation will record it"
        }
        return result
    }

    /// What settling a journal row did.
    enum SettleOutcome: Equatable {
        /// The row succeeded and the order took this status.
        case settled(OrderStatus)
        /// Stripe has not finished the refund; the row stays pending with Stripe's id, the order unchanged.
        case stillPending
        /// Stripe reported the refund failed or canceled; the row failed with this reason.
        case failed(String)
    }

    /// Settles a journal row with Stripe's refund, inside the caller's transaction.
    ///
    /// Only Stripe's `succeeded` settles money: the row succeeds and the order becomes `refunded` or
    /// `partially_refunded`. `failed` and `canceled` fail the row. Any other status (`pending`,
    /// `requires_action`, or one Stripe adds later) keeps the row pending with Stripe's id, still counting
    /// against what remains refundable, for reconciliation to settle once Stripe has finished.
    ///
    /// - Parameter stripeRefunded: Stripe's refunded total for the charge, including this refund.
    func settle(
        _ entry: RefundLogEntry, with refund: ProcessorRefund, order: Order, stripeRefunded: Int,
        in db: any OrdersTransaction
    ) throws -> SettleOutcome {
        let now = policy.now()
        switch refund.status {
        case "succeeded":
            try db.settleRefund(id: entry.id, stripeRefundID: refund.id, completedAt: now)
            let refunded = max(try db.refundTotals(orderID: order.id).succeededCents, stripeRefunded)
            let status: OrderStatus = refunded >= order.amountCents ? .refunded : .partiallyRefunded
            try db.setOrderStatus(status, orderID: order.id)
            return .settled(status)
        case "failed", "canceled":
            let reason =
                "Stripe refund \(refund.id) \(refund.status)"
                + (refund.failureReason.map { " (\($0))" } ?? "") + "; nothing was refunded"
            try db.recordStripeRefundID(refund.id, id: entry.id)
            try db.failRefund(id: entry.id, error: reason, completedAt: now)
            return .failed(reason)
        default:
            try db.recordStripeRefundID(refund.id, id: entry.id)
            return .stillPending
        }
    }
}
