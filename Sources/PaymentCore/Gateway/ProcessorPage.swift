/// One page of a list at the processor: its items, newest first, and where the next page starts.
public struct ProcessorPage<Item: Sendable & Identifiable>: Sendable where Item.ID == String {
    /// The items on this page that could be read, in the processor's order.
    public var items: [Item]
    /// Whether more items follow this page.
    public var hasMore: Bool
    /// How many items the processor sent that could not be read; they are not in `items`.
    ///
    /// A caller that looks for one item must not conclude it is absent while this is above zero.
    public var unreadableCount: Int
    /// The cursor for the next page, or `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page; the next page starts after the last item unless the processor says otherwise.
    public init(items: [Item], hasMore: Bool, unreadableCount: Int = 0, nextCursor: String? = nil) {
        self.items = items
        self.hasMore = hasMore
        self.unreadableCount = unreadableCount
        self.nextCursor = hasMore ? nextCursor ?? items.last?.id : nil
    }
}

extension ProcessorPage: Equatable where Item: Equatable {}
extension ProcessorPage: Hashable where Item: Hashable {}
