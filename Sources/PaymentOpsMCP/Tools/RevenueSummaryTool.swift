import DynamicJSON
import PaymentCore

/// `revenue_summary`: per currency, the orders of a date range with their gross, refunds and net.
struct RevenueSummaryTool: MCPTool {
    /// The operations behind the tool.
    let service: PaymentService

    let name = "revenue_summary"
    let title = "Summarise revenue"
    let description = """
        Summarises revenue from the internal orders database for the days start_date through end_date (both \
        YYYY-MM-DD, UTC, inclusive; start on or before end; less than 10 years): per currency, the number of \
        orders, gross (every order created in the range, whatever its status), refunded (succeeded refunds of \
        those orders) and net, in the currency's smallest unit. Amounts in different currencies are never added \
        together. For one day, give the same date twice; to compare, call again for the previous period.
        """
    let inputSchema = ToolSchema.input(
        [
            "start_date": ToolSchema.date("First day, YYYY-MM-DD (UTC)."),
            "end_date": ToolSchema.date("Last day, YYYY-MM-DD (UTC), inclusive."),
        ], required: ["start_date", "end_date"])
    let outputSchema = ToolSchema.object([
        "start_date": ToolSchema.string("YYYY-MM-DD."),
        "end_date": ToolSchema.string("YYYY-MM-DD."),
        "orders": ToolSchema.integer("Orders in the range, all currencies."),
        "currencies": ToolSchema.array(
            of: ToolSchema.object([
                "currency": ToolSchema.string("Lower-case ISO 4217 code."),
                "orders": ToolSchema.integer("Orders in this currency."),
                "gross_cents": ToolSchema.cents, "refunded_cents": ToolSchema.cents, "net_cents": ToolSchema.cents,
            ])),
    ])
    let annotations = ToolAnnotations(
        readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)

    /// Sums the range.
    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        let arguments = ToolArguments(arguments)
        return try await .answering {
            try await service.revenueSummary(
                start: arguments.string("start_date") ?? "", end: arguments.string("end_date") ?? "")
        }
    }
}
