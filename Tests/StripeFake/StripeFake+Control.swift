extension StripeFake {
    /// Paths under this prefix answer questions about the fake itself, for processes that run it as
    /// `stripe-fake` (the benchmark and the interoperability check); they are not recorded as requests.
    static let controlPrefix = "/_fake/"

    /// Answers `GET /_fake/stats` (connections and requests seen) and `GET /_fake/objects?kind=refund`.
    func controlReply(_ request: FakeRequest) -> FakeReply {
        switch request.path {
        case "/_fake/stats":
            return .json(["connections": .int(connectionCount), "requests": .int(requests.count)])
        case "/_fake/objects":
            let kind = request.queryItems.first { $0.name == "kind" }?.value ?? ""
            return .json(["data": .array(objects(ofKind: kind))])
        default:
            return .stripeError(status: 404, type: "invalid_request_error", message: "Unknown fake control path")
        }
    }
}
