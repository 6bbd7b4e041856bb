import OrdersStore

extension PaymentService {
    /// `revenue_summary`: per currency, the orders created from `start` through `end` (UTC, inclusive), their
    /// gross, succeeded refunds and net, summed in SQL. Reads only the database.
    ///
    /// - Parameters:
    ///   - start: `YYYY-MM-DD`.
    ///   - end: `YYYY-MM-DD`, not before `start`, less than ten years after it.
    /// - Throws: `PaymentError.Kind.invalidArgument` naming the expected format or bound; store errors.
    public func revenueSummary(start: String, end: String) async throws -> RevenueSummary {
        let first = try CalendarDate.argument(start, field: "start_date")
        let last = try CalendarDate.argument(end, field: "end_date")
        guard first <= last else {
            throw PaymentError.invalid("start_date must be on or before end_date.")
        }
        guard last < first.adding(years: 10) else {
            throw PaymentError.invalid("The range must be shorter than 10 years; split it into several summaries.")
        }
        let totals = try await store.read { db in try db.revenue(from: first.description, through: last.description) }
        return RevenueSummary(
            startDate: first, endDate: last, orders: totals.reduce(0) { $0 + $1.orders },
            currencies: totals.map(RevenueCurrency.init))
    }
}
