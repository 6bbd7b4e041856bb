import StripeClient
import Testing

@Suite("StripeBaseURL")
struct StripeBaseURLTests {
    @Test(
        "https anywhere and http to loopback are accepted",
        arguments: [
            ("https://api.stripe.com", "https://api.stripe.com"),
            ("https://API.Stripe.com/", "https://api.stripe.com"),
            ("https://proxy.internal:8443/stripe/", "https://proxy.internal:8443/stripe"),
            ("http://127.0.0.1:12111", "http://127.0.0.1:12111"),
            ("http://localhost:8080/", "http://localhost:8080"),
            ("http://[::1]:9000", "http://[::1]:9000"),
        ])
    func accepted(text: String, normalised: String) throws {
        #expect(try StripeBaseURL(text).description == normalised)
    }

    @Test(
        "plain http to other hosts, other schemes and credentials are refused",
        arguments: [
            "http://api.stripe.com", "http://127.0.0.2:80", "http://10.0.0.1", "ftp://127.0.0.1", "api.stripe.com",
            "https://user:secret@api.stripe.com", "https://api.stripe.com?x=1", "https://api.stripe.com#f",
            "https://:443", "https://api.stripe.com:0", "https://api.stripe.com:99999", "http://[::1",
        ])
    func refused(text: String) {
        #expect {
            try StripeBaseURL(text)
        } throws: { error in
            let error = error as? StripeError
            return error?.kind == .invalidConfiguration
                && error?.message
                    == "The Stripe API base must be an https URL such as https://api.stripe.com (plain http is "
                    + "allowed only to 127.0.0.1, ::1 or localhost), without credentials, query or fragment."
        }
    }

    @Test("the parts are kept")
    func parts() throws {
        let url = try StripeBaseURL("http://[::1]:9000/v")
        #expect(url.scheme == "http")
        #expect(url.host == "::1")
        #expect(url.port == 9000)
        #expect(url.pathPrefix == "/v")
        #expect(StripeBaseURL.stripe.description == "https://api.stripe.com")
    }
}
