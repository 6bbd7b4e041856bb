/// A setting that cannot be used, with one line that says which and why.
struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The line printed on stderr before the command exits non-zero.
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
