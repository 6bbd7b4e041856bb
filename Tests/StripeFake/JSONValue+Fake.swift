public import DynamicJSON

/// The few conveniences the fake needs to build Stripe-shaped objects; parsing and writing stay in `DynamicJSON`.
extension JSONValue {
    /// A string, or `null` for `nil` (Stripe sends absent optional fields as `null`).
    init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }

    /// The object with `overrides` replacing (or adding) its members; any other value is returned as it is.
    func merging(_ overrides: [String: JSONValue]) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.merging(overrides) { $1 })
    }

    /// Compact JSON text with sorted keys, as the fake sends it; `null` for a value JSON cannot express.
    public var text: String { (try? JSONCodec.string(self)) ?? "null" }
}
