/// Which of the processor's two worlds the gateway acts in, as its API key decides.
public enum GatewayMode: String, Sendable, Hashable {
    /// Test mode: no real money moves.
    case test
    /// Live mode: real money moves.
    case live
}
