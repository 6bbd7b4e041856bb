import DynamicJSON
import FoundationEssentials
import Testing

@testable import PaymentOpsHTTP

/// The cheapest authenticated request: needs a valid token, no scope and no session.
private let ping = rpc(id: 1, "server/discover")

@Suite("Bearer tokens")
struct AuthenticationTests {
    @Test("a request without a token gets 401 pointing at the resource metadata, without an error code")
    func noToken() async throws {
        try await HTTPWorld.run { world in
            let answer = try await world.post(ping, token: nil)
            #expect(answer.status == 401)
            #expect(answer.header("WWW-Authenticate") == "Bearer resource_metadata=\"\(HTTPWorld.metadataURL)\"")
        }
    }

    @Test("a token that is not a bearer JWT gets 401 invalid_token")
    func garbage() async throws {
        try await HTTPWorld.run { world in
            let invalid = "Bearer resource_metadata=\"\(HTTPWorld.metadataURL)\", error=\"invalid_token\""
            #expect(try await world.post(ping, token: "not-a-jwt").header("WWW-Authenticate") == invalid)
            let basic = try await world.post(ping, token: nil, headers: [("Authorization", "Basic dXNlcjpwdw==")])
            #expect(basic.status == 401)
            #expect(basic.header("WWW-Authenticate") == invalid)
        }
    }

    @Test("RS256 and ES256 tokens from the issuer are accepted")
    func validTokens() async throws {
        try await HTTPWorld.run { world in
            let rsa = try await TestIssuer.token(world.claims(scopes: []))
            let ec = try await TestIssuer.token(world.claims(scopes: []), key: .ec)
            #expect(try await world.post(ping, token: rsa).status == 200)
            #expect(try await world.post(ping, token: ec).json?["result"]?["resultType"] == "complete")
        }
    }

    @Test("forged tokens are refused with 401 invalid_token")
    func forgeries() async throws {
        try await HTTPWorld.run { world in
            let now = world.clock.now.timeIntervalSince1970
            var wrongAudience = world.claims(scopes: [])
            wrongAudience.aud = ["https://other-service.example/mcp"]
            var wrongIssuer = world.claims(scopes: [])
            wrongIssuer.iss = "https://evil.example"
            var expired = world.claims(scopes: [])
            expired.exp = now - 61
            var notYetValid = world.claims(scopes: [])
            notYetValid.nbf = now + 61
            var noExpiry = world.claims(scopes: [])
            noExpiry.exp = nil
            var noSubject = world.claims(scopes: [])
            noSubject.sub = nil
            let valid = world.claims(scopes: [])
            let forged: [(String, String)] = [
                ("wrong audience", try await TestIssuer.token(wrongAudience)),
                ("wrong issuer", try await TestIssuer.token(wrongIssuer)),
                ("expired", try await TestIssuer.token(expired)),
                ("not yet valid", try await TestIssuer.token(notYetValid)),
                ("no exp", try await TestIssuer.token(noExpiry)),
                ("no sub", try await TestIssuer.token(noSubject)),
                ("unknown key", try await TestIssuer.token(valid, key: .rogue)),
                ("unpublished key under a published kid", try await TestIssuer.token(valid, key: .rogue, kid: "rsa-1")),
                ("alg none", try TestIssuer.unsignedToken(valid)),
                ("HS256 keyed with the public key", try await TestIssuer.token(valid, key: .hmacWithPublicKey)),
                ("RS384 with an RS256 key", try await TestIssuer.token(valid, key: .rsa384)),
                ("RSA kid with the EC key's algorithm", try await TestIssuer.token(valid, key: .ec, kid: "rsa-1")),
            ]
            for (name, token) in forged {
                let answer = try await world.post(ping, token: token)
                #expect(answer.status == 401, "\(name)")
                #expect(answer.header("WWW-Authenticate")?.hasSuffix("error=\"invalid_token\"") == true, "\(name)")
            }
        }
    }

    @Test("exp and nbf are allowed 60 seconds of clock skew, not more")
    func leeway() async throws {
        try await HTTPWorld.run { world in
            let now = world.clock.now.timeIntervalSince1970
            var justExpired = world.claims(scopes: [])
            justExpired.exp = now - 59
            var almostValid = world.claims(scopes: [])
            almostValid.nbf = now + 59
            let late = try await TestIssuer.token(justExpired)
            let early = try await TestIssuer.token(almostValid)
            #expect(try await world.post(ping, token: late).status == 200)
            #expect(try await world.post(ping, token: early).status == 200)
        }
    }

    @Test("a cached token stops working once its lifetime and the leeway are over")
    func cacheHonoursExpiry() async throws {
        try await HTTPWorld.run { world in
            let token = try await world.token(scopes: [])
            #expect(try await world.post(ping, token: token).status == 200)
            world.clock.advance(by: 3600 + 59)
            #expect(try await world.post(ping, token: token).status == 200)
            world.clock.advance(by: 2)
            #expect(try await world.post(ping, token: token).status == 401)
        }
    }

    @Test("an unknown kid fetches the JWKS again, at most once per interval")
    func unknownKidRefetchIsRateLimited() async throws {
        try await HTTPWorld.run { world in
            let valid = try await world.token(scopes: [])
            #expect(try await world.post(ping, token: valid).status == 200)
            let fetchedAtStart = world.issuer.jwksFetches.value
            #expect(fetchedAtStart == 1)
            let rogue = try await TestIssuer.token(world.claims(scopes: []), key: .rogue)
            // Within 30 s of the last fetch, an unknown kid is refused without asking the issuer again.
            #expect(try await world.post(ping, token: rogue).status == 401)
            #expect(world.issuer.jwksFetches.value == 1)
            world.clock.advance(by: 31)
            #expect(try await world.post(ping, token: rogue).status == 401)
            #expect(try await world.post(ping, token: rogue).status == 401)
            #expect(world.issuer.jwksFetches.value == 2)
            world.clock.advance(by: 31)
            let another = try await TestIssuer.token(world.claims(scopes: []), key: .rogue, kid: "rogue-2")
            #expect(try await world.post(ping, token: another).status == 401)
            #expect(world.issuer.jwksFetches.value == 3)
        }
    }
}
