import FoundationEssentials
import OrdersStore
import Whitespace

/// The opaque `cursor` of `get_order_history`: "created_at|id" of the last order shown, as an `OpaqueCursor`.
///
/// Opaque so that clients pass it back unchanged rather than building their own; the store pages by keyset, so a
/// cursor stays valid while orders are added.
enum OrderHistoryCursor {
    /// Encodes the position after `order`.
    static func encode(after order: Order) -> String {
        OpaqueCursor.encode(StoreTimestamp.string(from: order.createdAt) + "|" + order.id)
    }

    /// Decodes a cursor from a previous answer, or fails with a message saying where cursors come from.
    static func decode(_ text: String) throws -> OrderCursor {
        let invalid = PaymentError.invalid(
            "cursor is not one get_order_history returned. Pass next_cursor from the previous page unchanged, or "
                + "omit it to start from the newest order.")
        guard let plain = OpaqueCursor.decode(text.trimmingWhitespace()),
            let separator = plain.firstIndex(of: "|"),
            let createdAt = StoreTimestamp.date(from: String(plain[..<separator]))
        else { throw invalid }
        let id = String(plain[plain.index(after: separator)...])
        guard !id.isEmpty else { throw invalid }
        return OrderCursor(createdAt: createdAt, id: id)
    }
}
