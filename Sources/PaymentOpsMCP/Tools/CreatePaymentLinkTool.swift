import DynamicJSON
import PaymentCore

/// `create_payment_link`: a Stripe Payment Link for a one-off amount.
struct CreatePaymentLinkTool: MCPTool {
    /// The operations behind the tool.
    let service: PaymentService

    let name = "create_payment_link"
    let title = "Create a payment link"
    let description = """
        Creates a Stripe Payment Link the customer can pay at: a one-off price of amount_cents (in the currency's \
        smallest unit, 1 to 99,999,999: 4999 usd is $49.99) for description (1–250 characters, shown to the \
        customer), currency (three letters, default usd) and quantity (1–99, default 1). Repeating an identical \
        call within the same 10-minute window returns the same link instead of a second one. Moves no money by \
        itself. Next: give the user the url to send to the customer.
        """
    let inputSchema = ToolSchema.input(
        [
            "amount_cents": ToolSchema.amountCents,
            "description": [
                "type": "string", "minLength": 1, "maxLength": 250,
                "description": "What the customer pays for; becomes the product name on the payment page.",
            ],
            "currency": [
                "type": "string", "pattern": "^[a-zA-Z]{3}$", "default": "usd",
                "description": "ISO 4217 code, such as usd, eur or jpy.",
            ],
            "quantity": [
                "type": "integer", "minimum": 1, "maximum": 99, "default": 1, "description": "How many, 1–99.",
            ],
        ], required: ["amount_cents", "description"])
    let outputSchema = ToolSchema.object([
        "url": ToolSchema.string("The payment page to send to the customer."),
        "payment_link_id": ToolSchema.string("plink_…"),
        "price_id": ToolSchema.string("price_…"),
        "amount_cents": ToolSchema.cents,
        "currency": ToolSchema.string("Lower-case ISO 4217 code."),
        "quantity": ToolSchema.integer("How many."),
        "description": ToolSchema.string("What the customer pays for."),
    ])
    let annotations = ToolAnnotations(
        readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true)

    /// Creates the link (or returns the one an identical recent call created).
    func call(arguments: [String: JSONValue], context: ToolContext) async throws -> ToolResult {
        let arguments = ToolArguments(arguments)
        return try await .answering {
            try await service.createPaymentLink(
                amountCents: arguments.int("amount_cents") ?? 0, description: arguments.string("description") ?? "",
                currency: arguments.string("currency") ?? "usd", quantity: arguments.int("quantity") ?? 1)
        }
    }
}
