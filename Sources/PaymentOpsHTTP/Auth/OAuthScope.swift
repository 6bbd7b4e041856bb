import PaymentOpsMCP

/// The scopes an access token may carry, each granting a part of the catalog.
public enum OAuthScope: String, Sendable, CaseIterable {
    /// Read tools, resources, prompts and completion.
    case paymentsRead = "payments:read"
    /// `create_payment_link`, `flag_for_review`, and any other tool that writes but moves no money.
    case paymentsWrite = "payments:write"
    /// `issue_refund`.
    case refundsCreate = "refunds:create"
    /// `approve_refund`.
    case refundsApprove = "refunds:approve"
}

/// Which scope each message needs: the one table that turns the design's scope list into decisions.
struct ScopePolicy: Sendable {
    /// Tools whose scope is not `payments:read`, by name.
    static let toolScopes: [String: OAuthScope] = [
        "create_payment_link": .paymentsWrite, "flag_for_review": .paymentsWrite,
        "issue_refund": .refundsCreate, "approve_refund": .refundsApprove,
    ]

    /// The catalog, asked whether a tool the table does not name only reads.
    let catalog: Catalog

    /// The scope a tool needs: its entry in the table, else `payments:read` for a read-only (or unknown) tool and
    /// `payments:write` for any other, so a new writing tool is never open to a read token.
    func scope(forTool name: String) -> OAuthScope {
        if let scope = Self.toolScopes[name] { return scope }
        return catalog.toolIsReadOnly(name) == false ? .paymentsWrite : .paymentsRead
    }

    /// The scope a request needs, or `nil` for those any valid token may send (the lifecycle, discovery, the tool
    /// list — which shows only what the token allows — and notifications or responses).
    func scope(for message: MessageSummary) -> OAuthScope? {
        guard case .request(let method, _) = message.kind else { return nil }
        switch method {
        case "initialize", "ping", "tools/list", "server/discover", "logging/setLevel": return nil
        case "tools/call": return scope(forTool: message.toolName ?? "")
        default: return .paymentsRead
        }
    }
}
