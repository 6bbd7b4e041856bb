import Testing

@Suite("serve --http")
struct ServeHTTPCommandTests {
    @Test("without an issuer or a public URL, or with a bad address, serve --http exits 1 before serving")
    func refusesToStart() async throws {
        let complete = [
            "DATABASE_URL": "sqlite::memory:", "PAYMENT_OPS_PUBLIC_URL": "http://127.0.0.1:1/mcp",
            "PAYMENT_OPS_OAUTH_ISSUER": "http://127.0.0.1:1",
        ]
        var noIssuer = complete
        noIssuer["PAYMENT_OPS_OAUTH_ISSUER"] = nil
        var noURL = complete
        noURL["PAYMENT_OPS_PUBLIC_URL"] = nil
        let cases: [([String], [String: String])] = [
            (["serve", "--http"], noIssuer), (["serve", "--http", "127.0.0.1:0"], noURL),
            (["serve", "--http", "nonsense"], complete),
        ]
        for (arguments, environment) in cases {
            #expect(try await ChildProcess(arguments: arguments, environment: environment).waitForExit() == 1)
        }
    }
}
