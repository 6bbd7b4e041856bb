extension Database {
    /// The most values bound in one `IN (…)` list; longer lists run in chunks.
    static let maximumListLength = 512

    /// Calls `body` with an `IN` list (`"(?, ?, …)"`) and its arguments, once per chunk of distinct `values`.
    ///
    /// The placeholder count is rounded up to a power of two and padded with NULL, which matches nothing, so a
    /// handful of SQL texts serve every list length and the statement cache stays small.
    func forEachInList(_ values: [String], _ body: (_ list: String, _ arguments: [any SQLBindable]) throws -> Void)
        throws
    {
        let distinct = Array(Set(values))
        for start in stride(from: 0, to: distinct.count, by: Self.maximumListLength) {
            let chunk = distinct[start..<min(start + Self.maximumListLength, distinct.count)]
            var width = 8
            while width < chunk.count { width *= 2 }
            let list = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
            let padding = Array(repeating: SQLValue.null, count: width - chunk.count)
            try body(list, chunk.map { $0 as any SQLBindable } + padding)
        }
    }
}
