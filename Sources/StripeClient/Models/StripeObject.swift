/// A Stripe API object with an `id`, which list cursors are made of.
public protocol StripeObject: Decodable, Sendable {
    /// Stripe's identifier for the object, such as `pi_…` or `cus_…`.
    var id: String { get }
}

/// A field that Stripe returns as an id, or as the whole object when the request asked to `expand` it.
public enum Expandable<Object: StripeObject>: Decodable, Sendable {
    /// The field was not expanded: only the object's id.
    case id(String)
    /// The field was expanded into the object itself.
    case object(Object)

    /// The object's id, whichever form the field came in.
    public var id: String {
        switch self {
        case .id(let id): id
        case .object(let object): object.id
        }
    }

    /// The object, when the field was expanded.
    public var object: Object? {
        if case .object(let object) = self { object } else { nil }
    }

    /// Decodes an id string, or else the expanded object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(String.self) {
            self = .id(id)
        } else {
            self = .object(try container.decode(Object.self))
        }
    }
}

/// One page of a Stripe list (`{"object": "list", "data": [...], "has_more": …}`).
public struct StripeList<Element: StripeObject>: Decodable, Sendable {
    /// The objects on this page, in Stripe's order (newest first for most lists).
    public var data: [Element]
    /// Whether more objects follow this page.
    public var hasMore: Bool

    /// Creates a page, as the test fakes do.
    public init(data: [Element], hasMore: Bool) {
        self.data = data
        self.hasMore = hasMore
    }

    /// The `starting_after` cursor for the next page, or `nil` on the last page.
    public var nextCursor: String? {
        hasMore ? data.last?.id : nil
    }

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
    }
}
