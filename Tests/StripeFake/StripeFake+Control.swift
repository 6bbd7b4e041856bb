import DynamicJSON

extension StripeFake {
    /// Paths under this prefix answer questions about the fake itself, for processes that run it as
    /// `stripe-fake` (the benchmark and the interoperability check); they are not recorded as requests.
    static let controlPrefix = "/_fake/"

    /// Answers `GET /_fake/stats` (connections and requests seen), `GET /_fake/objects?kind=refund`,
    /// `POST /_fake/faults` with `fault=server_error`, `server_error_after_applying` or `stall` (queues a
    /// `FakeFault`), and `POST /_fake/finish_stalled`.
    func controlReply(_ request: FakeRequest) -> FakeReply {
        switch request.path {
        case "/_fake/faults" where request.method == "POST":
            let faults: [String: FakeFault] = [
                "server_error": .serverError(afterApplying: false),
                "server_error_after_applying": .serverError(afterApplying: true), "stall": .stall,
            ]
            guard let name = request.formValue("fault"), let fault = faults[name] else {
                return .stripeError(
                    status: 400, type: "invalid_request_error",
                    message: "fault must be server_error, server_error_after_applying or stall", param: "fault")
            }
            enqueueFaults(fault)
            return .json(["queued": .string(name)])
        case "/_fake/finish_stalled" where request.method == "POST":
            finishStalledRequests()
            return .json(["finished": true])
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
