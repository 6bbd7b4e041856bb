import Testing

@testable import PaymentOpsHTTP

@Suite("HTTP settings")
struct HTTPSettingsTests {
    private let complete = [
        "PAYMENT_OPS_PUBLIC_URL": "https://payments-mcp.example.com/mcp",
        "PAYMENT_OPS_OAUTH_ISSUER": "https://login.example.com",
    ]

    @Test("--http takes HOST:PORT and [IPv6]:PORT")
    func bindTargets() throws {
        #expect(try BindTarget(parsing: "127.0.0.1:8931") == BindTarget(host: "127.0.0.1", port: 8931))
        #expect(try BindTarget(parsing: "[::1]:8931") == BindTarget(host: "::1", port: 8931))
        #expect(try BindTarget(parsing: "0.0.0.0:80") == BindTarget(host: "0.0.0.0", port: 80))
        for bad in ["8931", "::1:8931", "host:", ":80", "[::1]8931", "host:99999"] {
            #expect(throws: HTTPSettingsError("--http takes HOST:PORT (or [IPv6]:PORT), not \"\(bad)\"")) {
                try BindTarget(parsing: bad)
            }
        }
    }

    @Test("serve --http refuses to start without an issuer or a public URL, with one line")
    func requiredSettings() throws {
        var values = complete
        values["PAYMENT_OPS_OAUTH_ISSUER"] = nil
        #expect(
            throws: HTTPSettingsError("serve --http needs PAYMENT_OPS_OAUTH_ISSUER, the authorization server's URL")
        ) {
            try HTTPSettings.read(listen: nil) { values[$0] }
        }
        values = complete
        values["PAYMENT_OPS_PUBLIC_URL"] = nil
        #expect(
            throws: HTTPSettingsError("serve --http needs PAYMENT_OPS_PUBLIC_URL, the URL clients reach the server at")
        ) {
            try HTTPSettings.read(listen: nil) { values[$0] }
        }
    }

    @Test("the settings are read with their defaults")
    func defaults() throws {
        var values = complete
        values["PAYMENT_OPS_ALLOWED_ORIGINS"] = "https://a.example, https://b.example"
        let settings = try HTTPSettings.read(listen: nil) { values[$0] }
        #expect(settings.bind == BindTarget(host: "127.0.0.1", port: 8931))
        #expect(settings.publicURL.path == "/mcp")
        #expect(
            settings.publicURL.metadataURL
                == "https://payments-mcp.example.com/.well-known/oauth-protected-resource/mcp")
        #expect(settings.allowedOrigins == ["https://a.example", "https://b.example"])
        #expect(settings.rateLimit == 200)
    }

    @Test("a public URL must be https unless it is loopback")
    func publicURLScheme() throws {
        #expect(throws: HTTPSettingsError.self) { try PublicURL(parsing: "http://payments.example.com/mcp") }
        #expect(try PublicURL(parsing: "http://127.0.0.1:8931/mcp").origin == "http://127.0.0.1:8931")
    }
}
