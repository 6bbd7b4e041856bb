import DynamicJSON
import PaymentCore

/// `get_order_history`: a customer's internal orders, newest first, with refunded and refundable amounts.
struct GetOrderHistoryTool: MCPTool {
    /// The operations behind the tool.
    let service: PaymentService

    let name = "get_order_history"
    let title = "Get a customer's order history"
    let description = """
        Lists a customer's orders from the internal orders database, newest first, each with its PaymentIntent, \
        amount, status, how much was refunded so far and how much remains refundable. Needs: email; limit 1–200 \
        (default 50); cursor: the next_cursor of the previous page. Reads only the database, so it works even \
        when Stripe is down. Next: issue_refund previews a refund of an order's payment_intent_id.
        """
    let inputSchema = ToolSchema.input(
        [
            "email": ToolSchema.email,
            "limit": [
                "type": "integer", "minimum": 1, "maximum": 200, "default": 50, "description": "Page size, 1–200.",
            ],
            "cursor": [
                "type": "string", "minLength": 1, "maxLength": 512,
                "description": "next_cursor from the previous page.",
            ],
        ], required: ["email"])
    let outputSchema = ToolSchema.object([
        "customer": ToolSchema.customerRecord,
        "orders": ToolSchema.array(of: ToolSchema.orderSummary),
        "next_cursor": ToolSchema.nullable(ToolSchema.string("Pass as cursor for the next page.")),
    ])
    let annotations = ToolAnnotations(
        readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)

    /// Reads one page of orders.
    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        let arguments = ToolArguments(arguments)
        return try await .answering {
            try await service.orderHistory(
                email: arguments.string("email") ?? "", limit: arguments.int("limit") ?? 50,
                cursor: arguments.string("cursor"))
        }
    }
}
