extension Result where Failure == any Error {
    /// The outcome of an async throwing call, so that racing calls can be compared after they all ended.
    init(catching body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
