import FoundationEssentials
import OrdersStore

/// The opaque `cursor` of `get_order_history`: base64url of "created_at|id" of the last order shown.
///
/// Opaque so that clients pass it back unchanged rather than building their own; the store pages by keyset, so a
/// cursor stays valid while orders are added.
enum OrderHistoryCursor {
    /// Encodes the position after `order`.
    static func encode(after order: Order) -> String {
        Base64URL.encode(Array((StoreTimestamp.string(from: order.createdAt) + "|" + order.id).utf8))
    }

    /// Decodes a cursor from a previous answer, or fails with a message saying where cursors come from.
    static func decode(_ text: String) throws -> OrderCursor {
        let invalid = PaymentError.invalid(
            "cursor is not one get_order_history returned. Pass next_cursor from the previous page unchanged, or "
                + "omit it to start from the newest order.")
        guard let bytes = Base64URL.decode(text.trimmingWhitespace()),
            let plain = String(validating: bytes, as: UTF8.self),
            let separator = plain.firstIndex(of: "|"),
            let createdAt = StoreTimestamp.date(from: String(plain[..<separator]))
        else { throw invalid }
        let id = String(plain[plain.index(after: separator)...])
        guard !id.isEmpty else { throw invalid }
        return OrderCursor(createdAt: createdAt, id: id)
    }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), for tokens and cursors.
enum Base64URL {
    /// Encodes bytes.
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }

    /// Decodes text, or returns `nil` when it is not base64url.
    static func decode(_ text: String) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var standard = text.replacing("-", with: "+").replacing("_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map { Array($0) }
    }
}

/// Unguessable single-use tokens for the refund gate.
enum ApprovalToken {
    /// A fresh token: `rfa_` and 144 random bits from the system's cryptographic generator, base64url.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<18).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "rfa_" + Base64URL.encode(bytes)
    }
}
