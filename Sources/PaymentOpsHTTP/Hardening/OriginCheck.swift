import HTTPTypes
import Hummingbird

/// Refuses a browser request from a page of another origin (DNS rebinding): an `Origin` header that is not listed
/// → 403. Requests without `Origin` (agents, command-line clients) pass.
struct OriginCheck<Context: RequestContext>: RouterMiddleware {
    /// `PAYMENT_OPS_ALLOWED_ORIGINS`.
    let allowed: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if let origin = request.headers[.origin], !allowed.contains(origin) {
            throw HTTPProblem(.forbidden, "requests from the origin \(origin) are not allowed")
        }
        return try await next(request, context)
    }
}
