/// What `payment-ops doctor` found: one line per check, each passed or failed with what to do.
public struct DoctorReport: Sendable, Hashable {
    /// One check's outcome.
    public struct Line: Sendable, Hashable {
        /// Whether the check passed.
        public var ok: Bool
        /// What was checked and what was found: "Stripe key: rk_test_… (test mode)".
        public var title: String
        /// The details, or what to do when the check failed.
        public var detail: String

        /// Creates a line.
        public init(ok: Bool, title: String, detail: String) {
            self.ok = ok
            self.title = title
            self.detail = detail
        }

        /// `✓ title — detail` or `✗ title — detail`.
        public var text: String {
            "\(ok ? "✓" : "✗") \(title) — \(detail)"
        }
    }

    /// Every check, in the order run.
    public var lines: [Line]

    /// Creates a report.
    public init(lines: [Line]) {
        self.lines = lines
    }

    /// Whether every check passed; `doctor` exits non-zero otherwise.
    public var isHealthy: Bool {
        lines.allSatisfy(\.ok)
    }

    /// The report as printed: one line per check.
    public var text: String {
        lines.map(\.text).joined(separator: "\n")
    }
}
