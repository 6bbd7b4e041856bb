import DynamicJSON

/// Typed reads of tool arguments the engine has already validated against the tool's input schema.
struct ToolArguments {
    /// The validated arguments.
    let values: [String: JSONValue]

    /// Wraps the validated arguments.
    init(_ values: [String: JSONValue]) {
        self.values = values
    }

    /// A string argument, when given.
    func string(_ key: String) -> String? { values[key]?.stringValue }

    /// An integer argument, when given.
    func int(_ key: String) -> Int? { values[key]?.intValue }

    /// A boolean argument, when given.
    func bool(_ key: String) -> Bool? { values[key]?.boolValue }

    /// `payment_intent_id`, or its alias `charge_id` (the orders table's column name); `nil` when neither is given.
    /// - Throws: `ToolError` when both are given with different ids.
    func paymentIntentID() throws(ToolError) -> String? {
        let primary = string("payment_intent_id")
        let alias = string("charge_id")
        if let primary, let alias, primary != alias {
            throw ToolError(
                "payment_intent_id and charge_id name the same thing; give one of them, not two different ids.")
        }
        return primary ?? alias
    }
}
