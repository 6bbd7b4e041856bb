/// An item of a Stripe list page that could not be decoded into the list's type, kept so that callers can
/// see that the page is incomplete instead of losing the item silently.
public struct UnreadableListItem: Hashable, Sendable, CustomStringConvertible {
    /// The item's position in the page's `data`, from 0.
    public var index: Int
    /// The item's `id`, when the raw object has one.
    public var id: String?
    /// What could not be read, naming fields but never their values, such as `field amount is missing`.
    public var problem: String

    /// Creates a record of an unreadable item.
    public init(index: Int, id: String?, problem: String) {
        self.index = index
        self.id = id
        self.problem = problem
    }

    /// `item 1 (re_123): field amount is missing`.
    public var description: String {
        "item \(index)" + (id.map { " (\($0))" } ?? "") + ": " + problem
    }
}
