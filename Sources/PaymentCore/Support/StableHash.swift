/// Stable, non-cryptographic hashes (64-bit FNV-1a) for ids and idempotency keys derived from text.
///
/// Swift's `Hasher` is seeded per process, so it cannot give two server processes, or two releases, the same
/// value. Two passes with different offset bases give 128 bits; collisions among the names hashed here are not a
/// concern.
public enum StableHash {
    /// The offset bases of the two passes: FNV-1a's own, and a second one for the other 64 bits.
    static let offsetBases: (first: UInt64, second: UInt64) = (0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142)

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`, starting from `offsetBasis`.
    static func fnv1a(_ text: String, offsetBasis: UInt64) -> UInt64 {
        text.utf8.reduce(offsetBasis) { hash, byte in (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }

    /// Both passes over `text`.
    static func pair(_ text: String) -> (first: UInt64, second: UInt64) {
        (fnv1a(text, offsetBasis: offsetBases.first), fnv1a(text, offsetBasis: offsetBases.second))
    }

    /// The 128-bit hash of `text` as 32 lowercase hex digits.
    static func hex(_ text: String) -> String {
        let (first, second) = pair(text)
        return hexDigits(first) + hexDigits(second)
    }

    /// The value as exactly 16 lowercase hex digits.
    public static func hexDigits(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
