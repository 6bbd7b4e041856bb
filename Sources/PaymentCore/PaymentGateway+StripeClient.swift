import StripeClient

/// The real Stripe client is the production gateway: its methods match the protocol's one for one.
extension StripeClient: PaymentGateway {}
