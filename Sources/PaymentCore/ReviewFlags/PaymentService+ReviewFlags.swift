import FoundationEssentials
import OrdersStore

extension PaymentService {
    /// `flag_for_review`: records a `review_flags` row on the order paid by a PaymentIntent. Moves no money and
    /// needs no Stripe.
    ///
    /// - Parameter actor: who flags it (`review_flags.flagged_by`); `nil`: the policy's actor.
    /// - Throws: `PaymentError` (`.invalidArgument`; `.notFound` for a PaymentIntent no order records); store errors.
    public func flagForReview(paymentIntentID: String, note: String, actor: String? = nil) async throws
        -> ReviewFlagResult
    {
        let actor = actor ?? policy.actor
        let id = try InputValidation.paymentIntentID(paymentIntentID)
        let note = try InputValidation.requiredNote(note)
        let flag = try await store.write { db in
            guard let order = try db.order(paymentIntentID: id) else {
                throw PaymentError.notFound(unknownPaymentIntentMessage)
            }
            let flag = ReviewFlag(
                id: UUID().uuidString.lowercased(), orderID: order.id, paymentIntentID: id, note: note,
                flaggedBy: actor, createdAt: policy.now())
            try db.insertReviewFlag(flag)
            return flag
        }
        return ReviewFlagResult(flag)
    }
}
