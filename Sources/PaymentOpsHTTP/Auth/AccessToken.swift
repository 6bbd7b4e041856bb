public import FoundationEssentials
import PaymentOpsMCP

/// A verified access token: who it speaks for, what it grants, and until when.
public struct AccessToken: Sendable {
    /// The token's `sub`.
    public let subject: String
    /// The journal's name for the agent: `email`, else `sub`.
    public let actor: String
    /// The scopes granted (`scope` string or `scp` array), unknown ones ignored.
    public let scopes: Set<OAuthScope>
    /// `exp`: the cache keeps the token until then (plus the leeway).
    public let expiresAt: Date

    /// The engine's view of this token's holder, allowed the tools its scopes grant.
    func principal(policy: ScopePolicy) -> RequestPrincipal {
        let scopes = self.scopes
        return RequestPrincipal(actor: actor, subject: subject) { scopes.contains(policy.scope(forTool: $0)) }
    }
}
