/// One page of a list at the processor: its items, newest first, and whether more follow.
public struct ProcessorPage<Item: Sendable & Identifiable>: Sendable where Item.ID == String {
    /// The items on this page, in the processor's order.
    public var items: [Item]
    /// Whether more items follow this page.
    public var hasMore: Bool

    /// Creates a page.
    public init(items: [Item], hasMore: Bool) {
        self.items = items
        self.hasMore = hasMore
    }

    /// The cursor for the next page (the last item's id), or `nil` on the last page.
    public var nextCursor: String? {
        hasMore ? items.last?.id : nil
    }
}

extension ProcessorPage: Equatable where Item: Equatable {}
extension ProcessorPage: Hashable where Item: Hashable {}
