/// A field that Stripe returns as an id, or as the whole object when the request asked to `expand` it.
///
/// Stripe's OpenAPI specification marks such fields `anyOf: [string, <object>]` with `x-expansionResources`;
/// every one of them in this package's models is an `Expandable`, so callers read `.id` whichever form came.
/// `indirect`, because objects refer to each other (a Charge's PaymentIntent, a PaymentIntent's latest Charge).
public indirect enum Expandable<Object: StripeObject>: Decodable, Sendable {
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
