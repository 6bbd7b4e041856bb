/// A failure inside one of the in-memory Stripe's endpoints, queued with `StripeFake.enqueueFaults`.
///
/// Unlike a scripted `FakeReply`, which answers in front of the API (nothing is saved for it, so a retry with
/// the same `Idempotency-Key` may still succeed), a fault strikes a POST once its endpoint starts executing:
/// after the key and parameter checks, so a request refused by them (400) leaves the fault for the next one.
public enum FakeFault: Sendable, Hashable {
    /// The endpoint fails with Stripe's 500 (`api_error`, `Stripe-Should-Retry: false`); the answer is saved
    /// under the request's `Idempotency-Key` and replayed for it, as Stripe does. With `afterApplying`, the
    /// endpoint's effect (the refund, the customer, …) is made before it fails; without, nothing is.
    case serverError(afterApplying: Bool)
    /// The endpoint starts and does not finish until `StripeFake.finishStalledRequests()`: the request is
    /// never answered, and another request with its `Idempotency-Key` meanwhile answers 409
    /// `idempotency_key_in_use`.
    case stall
}
