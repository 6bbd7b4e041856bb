/// One page of a Stripe list (`{"object": "list", "data": [...], "has_more": …}`).
///
/// An item that cannot be decoded does not fail the page: the page keeps the items it could read, in order,
/// and lists the others in `unreadable`, so that one odd object cannot hide the rest, nor vanish unnoticed.
public struct StripeList<Element: StripeObject>: Decodable, Sendable {
    /// The objects on this page that could be read, in Stripe's order (newest first for most lists).
    public var data: [Element]
    /// Whether more objects follow this page.
    public var hasMore: Bool
    /// The items of this page that could not be read, in order; empty when every item was read.
    public var unreadable: [UnreadableListItem]
    /// The id of the page's last item when that item could not be read, so the next page still starts after it.
    private var unreadableLastID: String?

    /// Creates a page, as the test fakes do; `unreadable` items sit at their `index` among the page's items.
    public init(data: [Element], hasMore: Bool, unreadable: [UnreadableListItem] = []) {
        self.data = data
        self.hasMore = hasMore
        self.unreadable = unreadable
        let lastIndex = data.count + unreadable.count - 1
        self.unreadableLastID = unreadable.first { $0.index == lastIndex }?.id
    }

    /// The `starting_after` cursor for the next page, or `nil` on the last page.
    ///
    /// It is the id of the page's last item, read or not, so no item is skipped or seen twice; only when that
    /// item was unreadable and had no id is it the last readable item's id.
    public var nextCursor: String? {
        hasMore ? unreadableLastID ?? data.last?.id : nil
    }

    /// Whether every item of the page was read.
    public var isComplete: Bool { unreadable.isEmpty }

    /// Decodes the page, setting aside the items that cannot be read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hasMore = try container.decode(Bool.self, forKey: .hasMore)
        let slots = try container.decode([Slot].self, forKey: .data)
        data = []
        unreadable = []
        unreadableLastID = nil
        for (index, slot) in slots.enumerated() {
            switch slot {
            case .read(let element):
                data.append(element)
            case .unreadable(let id, let problem):
                unreadable.append(UnreadableListItem(index: index, id: id, problem: problem))
                if index == slots.count - 1 { unreadableLastID = id }
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
    }

    /// One item of `data`: the element, or why it could not be read. Decoding a slot never fails.
    private enum Slot: Decodable {
        case read(Element)
        case unreadable(id: String?, problem: String)

        init(from decoder: any Decoder) {
            do {
                self = .read(try Element(from: decoder))
            } catch {
                let id = try? decoder.container(keyedBy: IDKey.self).decodeIfPresent(String.self, forKey: .id)
                self = .unreadable(
                    id: id ?? nil, problem: StripeError.describe(error, below: decoder.codingPath, whole: "the item"))
            }
        }

        private enum IDKey: String, CodingKey {
            case id
        }
    }
}
