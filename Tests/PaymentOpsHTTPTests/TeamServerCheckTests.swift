import DynamicJSON
import Testing

@testable import PaymentOpsHTTP

@Suite("doctor: the team server's settings and issuer")
struct TeamServerCheckTests {
    private func values(issuer: String, publicURL: String = "https://payments-mcp.example.com/mcp") -> [String: String]
    {
        ["PAYMENT_OPS_PUBLIC_URL": publicURL, "PAYMENT_OPS_OAUTH_ISSUER": issuer]
    }

    @Test("with neither the public URL nor the issuer set, there is no team server to check")
    func stdioSetUp() async {
        #expect(await TeamServerCheck(values: ["PAYMENT_OPS_ALLOWED_ORIGINS": "https://a.example"]).run().isEmpty)
    }

    @Test("settings serve --http would refuse are one failed line with its reason")
    func unusableSettings() async {
        let cases: [([String: String], String)] = [
            (
                ["PAYMENT_OPS_OAUTH_ISSUER": "https://login.example.com"],
                "serve --http needs PAYMENT_OPS_PUBLIC_URL, the URL clients reach the server at"
            ),
            (
                values(issuer: "https://login.example.com", publicURL: "http://payments-mcp.example.com/mcp"),
                "PAYMENT_OPS_PUBLIC_URL must be https (http only on loopback); TLS is the proxy's job"
            ),
            (
                values(issuer: "http://login.example.com"),
                "PAYMENT_OPS_OAUTH_ISSUER must be an https URL (http only on loopback)"
            ),
        ]
        for (values, reason) in cases {
            #expect(
                await TeamServerCheck(values: values).run() == [
                    .init(ok: false, title: "Team server settings: not usable", detail: reason)
                ])
        }
    }

    @Test("a reachable issuer publishing usable keys passes: the public URL, the metadata, the keys")
    func healthy() async throws {
        try await TestIssuer.run { issuer in
            let findings = await TeamServerCheck(values: values(issuer: issuer.url)).run()
            #expect(
                findings == [
                    .init(
                        ok: true, title: "Team server: https://payments-mcp.example.com/mcp",
                        detail: "https, behind a TLS proxy; tokens must carry it in aud; Protected Resource Metadata "
                            + "at https://payments-mcp.example.com/.well-known/oauth-protected-resource/mcp"),
                    .init(
                        ok: true, title: "OAuth issuer: \(issuer.url)",
                        detail: "metadata at \(issuer.url)/.well-known/oauth-authorization-server names the JWKS "
                            + "\(issuer.url)/jwks"),
                    .init(
                        ok: true, title: "OAuth issuer keys: 2 usable",
                        detail: "ec-1 ES256, rsa-1 RS256 from \(issuer.url)/jwks"),
                ])
        }
    }

    @Test("an issuer with only OpenID Connect discovery is found through it; a loopback http URL is allowed")
    func openIDMetadata() async throws {
        try await TestIssuer.run(metadataPath: "/.well-known/openid-configuration") { issuer in
            let findings = await TeamServerCheck(values: values(issuer: issuer.url, publicURL: "http://[::1]:8931/mcp"))
                .run()
            #expect(findings.allSatisfy { $0.ok })
            #expect(
                findings.first?.detail.hasPrefix("http on loopback: only clients on this machine can connect") == true)
            #expect(
                findings.dropFirst().first?.detail.hasPrefix(
                    "metadata at \(issuer.url)/.well-known/openid-configuration") == true)
        }
    }

    @Test("a JWKS with no RS256 or ES256 key fails its line")
    func noUsableKey() async throws {
        let published: JSONValue = [
            "keys": [
                ["kty": "oct", "kid": "shared", "k": "c2VjcmV0"],
                ["kty": "RSA", "kid": "rsa-384", "alg": "RS384", "n": "AQAB", "e": "AQAB"],
            ]
        ]
        try await TestIssuer.run(publishing: published) { issuer in
            let findings = await TeamServerCheck(values: values(issuer: issuer.url)).run()
            #expect(
                findings.last
                    == .init(
                        ok: false, title: "OAuth issuer keys: none usable",
                        detail: "\(issuer.url)/jwks publishes no RSA (RS256) or P-256 (ES256) signing key with a kid; "
                            + "tokens signed otherwise are refused"))
        }
    }

    @Test("an issuer without metadata fails the metadata line, and the keys are not asked for")
    func noMetadata() async throws {
        try await TestIssuer.run(metadataPath: "/elsewhere") { issuer in
            let findings = await TeamServerCheck(values: values(issuer: issuer.url)).run()
            let base = issuer.url
            let reasons = [
                "/.well-known/oauth-authorization-server: \(base)/.well-known/oauth-authorization-server answered 404",
                "/.well-known/openid-configuration: \(base)/.well-known/openid-configuration answered 404",
            ]
            let detail =
                "neither metadata document of \(base) gives a jwks_uri (\(reasons.joined(separator: "; "))). "
                + "Check PAYMENT_OPS_OAUTH_ISSUER: it must be the issuer URL tokens carry in iss."
            let expected = TeamServerCheck.Finding(
                ok: false, title: "OAuth issuer: \(base) (metadata not usable)", detail: detail)
            #expect(findings.count == 2)
            #expect(findings.last == expected)
            #expect(issuer.jwksFetches.value == 0)
        }
    }
}
