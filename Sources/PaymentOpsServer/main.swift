import PaymentCore

print("payment-ops \(PaymentOps.version)")
