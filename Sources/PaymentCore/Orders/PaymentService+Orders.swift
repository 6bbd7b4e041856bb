import OrdersStore

extension PaymentService {
    /// `get_order_history`: a customer's internal orders, newest first, with refunded-so-far and
    /// refundable-remaining. Reads only the database.
    ///
    /// - Parameters:
    ///   - limit: page size, 1 to 200.
    ///   - cursor: `next_cursor` from the previous page.
    /// - Throws: `PaymentError` (`.invalidArgument`, `.notFound`); store errors.
    public func orderHistory(email: String, limit: Int = 50, cursor: String? = nil) async throws -> OrderHistory {
        let email = try InputValidation.email(email)
        let limit = try InputValidation.limit(limit, in: 1...200)
        let position = try cursor.map(OrderHistoryCursor.decode)
        return try await store.read { db in
            let customer = try requireCustomer(email: email, in: db)
            // One extra row tells whether another page follows.
            let orders = try db.refundedOrders(customerID: customer.id, limit: limit + 1, after: position)
            let page = orders.prefix(limit)
            // Without Stripe's figure to weigh them against, every pending refund counts, accepted by Stripe or not.
            let summaries = page.map {
                OrderSummary(
                    $0.order, totals: RefundTotals(succeededCents: $0.succeededCents, pendingCents: $0.pendingCents))
            }
            return OrderHistory(
                customer: CustomerRecord(customer),
                orders: summaries,
                nextCursor: orders.count > limit ? page.last.map { OrderHistoryCursor.encode(after: $0.order) } : nil)
        }
    }
}
