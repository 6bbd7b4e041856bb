import FoundationEssentials
import OrdersStore

extension PaymentService {
    /// The journal error of a pending refund that Stripe never created.
    static let notCreatedAtStripe = "not created at Stripe; nothing was refunded"

    /// Settles `pending` journal rows against Stripe: those older than the policy's grace period, and those
    /// Stripe already accepted (they carry its refund id, so no process is still creating them).
    ///
    /// Each row is looked up among its PaymentIntent's refunds by its Stripe id or the journal id in their
    /// metadata: found → settled by Stripe's status (`succeeded` → the row succeeds and the order takes its new
    /// status; `failed` or `canceled` → the row fails with Stripe's reason; still pending → the row stays
    /// pending); not found → `failed` ("not created at Stripe; nothing was refunded"). It never creates a
    /// refund: Stripe forgets idempotency keys after 24 hours, so re-sending could refund twice. A row another
    /// process settles meanwhile is left alone, and a row whose lookup fails stays pending for the next run.
    /// - Throws: `PaymentError.Kind.stripeNotConfigured`; store errors.
    public func reconcile() async throws -> ReconciliationReport {
        guard gateway != nil else { throw PaymentError.stripeNotConfigured }
        let cutoff = policy.now().subtracting(policy.reconciliationGrace(for: gateway))
        let pending = try await store.read { db in try db.pendingRefunds() }
            .filter { $0.stripeRefundID != nil || $0.createdAt <= cutoff }
        var report = ReconciliationReport(rows: [])
        for entry in pending {
            report.rows.append(await reconcile(entry))
        }
        return report
    }

    /// Reconciles now and then once every `interval`, handing each run's outcome to `report`, until the task is
    /// cancelled (or `sleep` throws).
    ///
    /// A run with nothing pending (or only rows still within the grace period) costs one indexed query and no
    /// call to Stripe, so a short interval is cheap.
    /// - Parameters:
    ///   - sleep: waits between runs; tests replace it.
    ///   - report: receives every run's report, or why the run could not be made.
    public func reconcilePeriodically(
        every interval: Duration,
        sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        report: @Sendable (Result<ReconciliationReport, any Error>) -> Void
    ) async {
        while !Task.isCancelled {
            do {
                report(.success(try await reconcile()))
            } catch {
                report(.failure(error))
            }
            do {
                try await sleep(interval)
            } catch {
                return
            }
        }
    }

    /// Settles one pending row; failures to reach Stripe leave it pending.
    private func reconcile(_ entry: RefundLogEntry) async -> ReconciliationReport.Row {
        var row = ReconciliationReport.Row(refundLogID: entry.id, status: .pending, stripeRefundID: nil, detail: nil)
        do {
            // Without a PaymentIntent no refund can have been made at Stripe.
            guard let order = try await store.read({ db in try db.order(id: entry.orderID) }),
                let paymentIntentID = order.paymentIntentID,
                let refund = try await refund(of: entry, paymentIntentID: paymentIntentID)
            else {
                // Stripe accepted this refund once, so "not found" cannot mean it was never made.
                if let stripeRefundID = entry.stripeRefundID {
                    row.stripeRefundID = stripeRefundID
                    row.detail =
                        "Stripe refund \(stripeRefundID) was not found among the payment's refunds; it stays pending "
                        + "for a person to check in Stripe's dashboard"
                    return row
                }
                let failed = try await failIfPending(entry, reason: Self.notCreatedAtStripe)
                row.status = failed ? .failed : .skipped
                row.detail = failed ? Self.notCreatedAtStripe : nil
                return row
            }
            row.stripeRefundID = refund.id
            let intent = try await callStripe("load the refunded payment") {
                try await $0.paymentIntent(id: paymentIntentID)
            }
            let outcome = try await store.write { db -> SettleOutcome? in
                guard try db.refundLogEntry(id: entry.id)?.status == .pending else { return nil }
                return try settle(
                    entry, with: refund, order: order,
                    stripeRefunded: intent.amountRefunded ?? 0, in: db)
            }
            switch outcome {
            case nil: row.status = .skipped
            case .settled: row.status = .succeeded
            case .stillPending: row.detail = "still pending at Stripe (status \(refund.status))"
            case .failed(let reason):
                row.status = .failed
                row.detail = reason
            }
        } catch let error as PaymentError {
            row.detail = error.message
        } catch {
            row.detail = "the row could not be settled now; it stays pending for the next run"
        }
        return row
    }

    /// Fails a row that is still pending, in one transaction; `false` when another process settled it first.
    private func failIfPending(_ entry: RefundLogEntry, reason: String) async throws -> Bool {
        try await store.write { db in
            guard try db.refundLogEntry(id: entry.id)?.status == .pending else { return false }
            try db.failRefund(id: entry.id, error: reason, completedAt: policy.now())
            return true
        }
    }

    /// The PaymentIntent's refund with the row's Stripe id or the journal id in its metadata, reading every page.
    private func refund(of entry: RefundLogEntry, paymentIntentID: String) async throws -> ProcessorRefund? {
        var cursor: String?
        var unreadable = 0
        repeat {
            let page = try await callStripe("list the payment's refunds") {
                try await $0.refunds(paymentIntentID: paymentIntentID, limit: 100, startingAfter: cursor)
            }
            let match = page.items.first { refund in
                refund.id == entry.stripeRefundID || refund.metadata[Self.refundLogMetadataKey] == entry.id
            }
            if let match {
                return match
            }
            unreadable += page.unreadable.count
            cursor = page.nextCursor
        } while cursor != nil
        // A refund that could not be read may be this one: "not found" would wrongly fail a refund Stripe made.
        guard unreadable == 0 else {
            throw PaymentError(
                .stripe,
                "Could not read \(unreadable) of the payment's refunds at Stripe, so the refund cannot be "
                    + "settled; it stays pending for the next run.")
        }
        return nil
    }
}

/// What a reconciliation run did to each pending journal row it looked at.
public struct ReconciliationReport: Sendable, Hashable {
    /// One journal row's outcome.
    public struct Row: Sendable, Hashable {
        /// What happened to the row.
        public enum Status: String, Sendable, Hashable {
            /// Stripe made the refund; the row succeeded.
            case succeeded
            /// Stripe never made it, or reports it failed; the row failed.
            case failed
            /// Stripe could not be asked, or has not finished the refund; the row stays pending.
            case pending
            /// Another process settled the row meanwhile.
            case skipped
        }

        /// The journal row id.
        public var refundLogID: String
        /// What happened to the row.
        public var status: Status
        /// Stripe's refund id, when Stripe has the refund.
        public var stripeRefundID: String?
        /// Why the row failed or stayed pending.
        public var detail: String?
    }

    /// Every row looked at, oldest first.
    public var rows: [Row]

    /// A summary line for logs and `payment-ops reconcile`, then one line per row.
    public var text: String {
        let count = { (status: Row.Status) in rows.filter { $0.status == status }.count }
        var lines = [
            "Reconciled \(rows.count) pending refund(s): \(count(.succeeded)) succeeded, \(count(.failed)) failed, "
                + "\(count(.pending)) still pending, \(count(.skipped)) settled elsewhere."
        ]
        lines += rows.map { row in
            "- \(row.refundLogID): \(row.status.rawValue)" + (row.stripeRefundID.map { " (\($0))" } ?? "")
                + (row.detail.map { " — \($0)" } ?? "")
        }
        return lines.joined(separator: "\n")
    }
}
