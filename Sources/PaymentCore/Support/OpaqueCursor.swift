/// The one codec of the server's opaque cursors: base64url (no padding) of the cursor's plain text.
///
/// Opaque so that clients pass cursors back unchanged rather than building their own; what a cursor says is up to
/// whoever issues it (`get_order_history`'s position, the MCP engine's provider and page).
public enum OpaqueCursor {
    /// Encodes a cursor's plain text.
    public static func encode(_ plain: String) -> String {
        Base64URL.encode(Array(plain.utf8))
    }

    /// Decodes a cursor from a previous answer; `nil` when it is not base64url of UTF-8 text.
    public static func decode(_ cursor: String) -> String? {
        Base64URL.decode(cursor).flatMap { String(validating: $0, as: UTF8.self) }
    }
}
