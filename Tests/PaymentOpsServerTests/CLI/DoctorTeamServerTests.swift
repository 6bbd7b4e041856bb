import Testing

@Suite("doctor: the team server's lines")
struct DoctorTeamServerTests {
    private let stdio = ["DATABASE_URL": "sqlite::memory:", "LOG_LEVEL": "error"]

    @Test("with the team server's settings, doctor checks them and the issuer; a server that is no issuer fails")
    func teamServerLines() async throws {
        // The Stripe fake answers 404 to both metadata documents: an HTTP server, but no authorization server.
        let notAnIssuer = try StripeFixture()
        var environment = stdio
        environment["PAYMENT_OPS_PUBLIC_URL"] = "http://127.0.0.1:8931/mcp"
        environment["PAYMENT_OPS_OAUTH_ISSUER"] = notAnIssuer.baseURL
        let doctor = try ChildProcess(arguments: ["doctor"], environment: environment)
        let report = try await doctor.readLines()
        #expect(try await doctor.waitForExit() == 1)
        #expect(report.contains { $0.hasPrefix("✓ Team server: http://127.0.0.1:8931/mcp — http on loopback") })
        #expect(report.contains { $0.hasPrefix("✗ OAuth issuer: \(notAnIssuer.baseURL) (metadata not usable)") })
    }

    @Test("a public URL that is neither https nor loopback is a failed line")
    func plainHTTPPublicURL() async throws {
        var environment = stdio
        environment["PAYMENT_OPS_PUBLIC_URL"] = "http://payments-mcp.example.com/mcp"
        environment["PAYMENT_OPS_OAUTH_ISSUER"] = "https://login.example.com"
        let doctor = try ChildProcess(arguments: ["doctor"], environment: environment)
        let report = try await doctor.readLines()
        #expect(try await doctor.waitForExit() == 1)
        #expect(
            report.last
                == "✗ Team server settings: not usable — PAYMENT_OPS_PUBLIC_URL must be https (http only on loopback); "
                + "TLS is the proxy's job")
    }

    @Test("without them, doctor says nothing of a team server")
    func stdioOnly() async throws {
        let doctor = try ChildProcess(arguments: ["doctor"], environment: stdio)
        let report = try await doctor.readLines()
        _ = try await doctor.waitForExit()
        #expect(!report.isEmpty)
        #expect(!report.contains { $0.contains("Team server") || $0.contains("OAuth issuer") })
    }
}
