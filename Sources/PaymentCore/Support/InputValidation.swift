import Whitespace

/// Checks of tool arguments, shared by the operations. Each failure is a `PaymentError` naming the argument,
/// the rule and an example of a good value.
enum InputValidation {
    /// The largest amount Stripe accepts in one payment link or refund: 99,999,999 minor units.
    static let maximumAmount = 99_999_999
    /// The longest note kept in the journal or a review flag.
    static let maximumNoteLength = 1_000

    /// A trimmed, non-empty email address.
    static func email(_ text: String) throws -> String {
        let email = text.trimmingWhitespace()
        guard !email.isEmpty, email.contains("@") else {
            throw PaymentError.invalid("email must be a customer's email address, such as jane@example.com.")
        }
        return email
    }

    /// A PaymentIntent id (`pi_…`); a charge id is refused with a hint, since orders record PaymentIntents.
    static func paymentIntentID(_ text: String) throws -> String {
        let id = text.trimmingWhitespace()
        guard id.hasPrefix("pi_"), id.count > 3 else {
            throw PaymentError.invalid(
                "payment_intent_id must be a Stripe PaymentIntent id starting with pi_; list_payments shows them.")
        }
        return id
    }

    /// A Stripe customer id (`cus_…`).
    static func stripeCustomerID(_ text: String) throws -> String {
        let id = text.trimmingWhitespace()
        guard id.hasPrefix("cus_"), id.count > 4 else {
            throw PaymentError.invalid("customer_id must be a Stripe customer id starting with cus_.")
        }
        return id
    }

    /// A page size within `range`.
    static func limit(_ value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard range.contains(value) else {
            throw PaymentError.invalid("limit must be between \(range.lowerBound) and \(range.upperBound).")
        }
        return value
    }

    /// A positive amount in minor units, at most 99,999,999.
    static func amount(_ value: Int, field: String = "amount_cents") throws -> Int {
        guard value > 0, value <= maximumAmount else {
            throw PaymentError.invalid(
                "\(field) must be a whole number of the currency's smallest unit, from 1 to 99,999,999 "
                    + "(4999 is $49.99).")
        }
        return value
    }

    /// A three-letter ISO 4217 code, lower-cased.
    static func currency(_ text: String) throws -> String {
        let code = text.trimmingWhitespace().lowercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw PaymentError.invalid("currency must be a three-letter ISO 4217 code, such as usd or eur.")
        }
        return code
    }

    /// A payment link's description: 1 to 250 characters once trimmed.
    static func description(_ text: String) throws -> String {
        let description = text.trimmingWhitespace()
        guard (1...250).contains(description.count) else {
            throw PaymentError.invalid("description must be 1 to 250 characters: what the customer is paying for.")
        }
        return description
    }

    /// A payment link's quantity, 1 to 99.
    static func quantity(_ value: Int) throws -> Int {
        guard (1...99).contains(value) else {
            throw PaymentError.invalid("quantity must be between 1 and 99.")
        }
        return value
    }

    /// An optional note: trimmed, `nil` when empty, at most 1,000 characters.
    static func note(_ text: String?) throws -> String? {
        guard let note = text?.trimmingWhitespace(), !note.isEmpty else { return nil }
        guard note.count <= maximumNoteLength else {
            throw PaymentError.invalid("note must be at most 1,000 characters.")
        }
        return note
    }

    /// A required note, as `flag_for_review` needs one.
    static func requiredNote(_ text: String) throws -> String {
        guard let note = try note(text) else {
            throw PaymentError.invalid("note must say why the payment needs review (1 to 1,000 characters).")
        }
        return note
    }
}
