import Testing

@Suite("The store conformance suite's engines")
struct ConformanceEngineTests {
    @Test(
        "every conformance case runs on PostgreSQL too", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
    func postgresIsConfigured() {
        #expect(TestEngine.available == [.sqlite, .postgresql])
    }
}
