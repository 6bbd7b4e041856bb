// Placeholder: replaced by the Stripe client.
