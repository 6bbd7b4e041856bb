/// One call to Stripe's API as a plain value: method, path, parameters and idempotency key.
///
/// Built by pure functions (see `StripeRequest+Endpoints.swift`) and executed by `StripeClient`, which adds
/// the headers, so what is sent can be checked without a network.
public struct StripeRequest: Sendable, Hashable {
    /// The HTTP methods Stripe's API uses.
    public enum Method: String, Sendable, Hashable {
        /// Reads; parameters go in the query string.
        case get = "GET"
        /// Writes; parameters go in a form-encoded body.
        case post = "POST"
        /// Deletions; parameters go in the query string.
        case delete = "DELETE"
    }

    /// The HTTP method.
    public var method: Method
    /// The path below the API base, such as `/v1/customers/cus_123`, already percent-encoded.
    public var path: String
    /// The query (GET, DELETE) or form body (POST) parameters, flattened, in order.
    public var parameters: [FormField]
    /// The `Idempotency-Key` for a POST; the client generates one when this is `nil`.
    public var idempotencyKey: String?

    /// Creates a request from flattened fields.
    public init(method: Method, path: String, parameters: [FormField] = [], idempotencyKey: String? = nil) {
        self.method = method
        self.path = path
        self.parameters = parameters
        self.idempotencyKey = idempotencyKey
    }

    /// Creates a request from named values, leaving out those that are `nil`.
    public init(
        method: Method, path: String, values: [(String, FormValue?)], idempotencyKey: String? = nil
    ) {
        let present = values.compactMap { name, value in value.map { (name, $0) } }
        self.init(method: method, path: path, parameters: FormEncoder.fields(present), idempotencyKey: idempotencyKey)
    }

    /// The path for an object: `collection` followed by the percent-encoded `id`, so that an id cannot
    /// reach another endpoint (`pi_1/../../v1/refunds`).
    public static func path(_ collection: String, _ id: String) -> String {
        collection + "/" + FormEncoder.percentEncode(id)
    }

    /// The encoded query string: the parameters of a GET or DELETE, empty for a POST.
    public var query: String {
        method == .post ? "" : FormEncoder.encode(parameters)
    }

    /// The encoded form body of a POST, `nil` for other methods.
    public var body: String? {
        method == .post ? FormEncoder.encode(parameters) : nil
    }
}
