/// One page of a list at the processor: its items, newest first, and where the next page starts.
public struct ProcessorPage<Item: Sendable & Identifiable>: Sendable where Item.ID == String {
    /// The items on this page that could be read, in the processor's order.
    public var items: [Item]
    /// Whether more items follow this page.
    public var hasMore: Bool
    /// The items the processor sent that could not be read, each described by its position, its id when it had
    /// one, and what was wrong (never a value), such as `item 1 (pi_2): field amount is missing`. They are not in
    /// `items`: a caller that looks for one item must not conclude it is absent while this is not empty.
    public var unreadable: [String]
    /// The cursor for the next page, or `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page; the next page starts after the last item unless the processor says otherwise.
    public init(items: [Item], hasMore: Bool, unreadable: [String] = [], nextCursor: String? = nil) {
        self.items = items
        self.hasMore = hasMore
        self.unreadable = unreadable
        self.nextCursor = hasMore ? nextCursor ?? items.last?.id : nil
    }
}

extension ProcessorPage: Equatable where Item: Equatable {}
extension ProcessorPage: Hashable where Item: Hashable {}
