// Placeholder: replaced by the loopback Stripe fake.
