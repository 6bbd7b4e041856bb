/// The team server's part of `payment-ops doctor`: whether `serve --http` could start with these settings and
/// verify tokens — the settings as `serve --http` reads them, the public URL (https unless loopback), and the
/// issuer's metadata and JWKS reachable with at least one key this server accepts.
///
/// Read-only, and it says nothing when neither `PAYMENT_OPS_PUBLIC_URL` nor `PAYMENT_OPS_OAUTH_ISSUER` is set: a
/// stdio set-up has no team server to check.
public struct TeamServerCheck: Sendable {
    /// One check's outcome, in the doctor's words.
    public struct Finding: Sendable, Equatable {
        /// Whether the check passed.
        public let ok: Bool
        /// What was checked and what was found.
        public let title: String
        /// The details, or what to do when the check failed.
        public let detail: String
    }

    /// The team server's settings as set, by name (`PAYMENT_OPS_PUBLIC_URL`, …); unset ones absent.
    public let values: [String: String]

    /// Creates the check over the settings as set.
    public init(values: [String: String]) {
        self.values = values
    }

    /// Runs the checks in order; a check that cannot run after a failed one is left out.
    public func run() async -> [Finding] {
        guard values["PAYMENT_OPS_PUBLIC_URL"] != nil || values["PAYMENT_OPS_OAUTH_ISSUER"] != nil else { return [] }
        let settings: HTTPSettings
        do {
            settings = try HTTPSettings.read(listen: nil) { values[$0] }
        } catch {
            return [Finding(ok: false, title: "Team server settings: not usable", detail: error.message)]
        }
        var findings = [publicURLFinding(settings.publicURL)]
        let document: String
        let jwksURL: String
        do {
            (jwksURL, document) = try await IssuerKeys.metadata(of: settings.issuer)
            findings.append(
                Finding(
                    ok: true, title: "OAuth issuer: \(settings.issuer)",
                    detail: "metadata at \(document) names the JWKS \(jwksURL)"))
        } catch {
            findings.append(
                Finding(
                    ok: false, title: "OAuth issuer: \(settings.issuer) (metadata not usable)",
                    detail: "\(error). Check PAYMENT_OPS_OAUTH_ISSUER: it must be the issuer URL tokens carry in iss."))
            return findings
        }
        findings.append(await keysFinding(at: jwksURL))
        return findings
    }

    /// The public URL: https, or http on loopback (only a client on this machine can then connect).
    private func publicURLFinding(_ url: PublicURL) -> Finding {
        let reach =
            url.resource.hasPrefix("https:")
            ? "https, behind a TLS proxy" : "http on loopback: only clients on this machine can connect"
        return Finding(
            ok: true, title: "Team server: \(url.resource)",
            detail: "\(reach); tokens must carry it in aud; Protected Resource Metadata at \(url.metadataURL)")
    }

    /// The JWKS: fetched, with at least one key this server verifies with.
    private func keysFinding(at location: String) async -> Finding {
        let keys: KeySet
        do {
            keys = try await IssuerKeys.keySet(at: location)
        } catch {
            return Finding(ok: false, title: "OAuth issuer keys: not usable", detail: "\(location): \(error)")
        }
        guard !keys.algorithms.isEmpty else {
            return Finding(
                ok: false, title: "OAuth issuer keys: none usable",
                detail: "\(location) publishes no RSA (RS256) or P-256 (ES256) signing key with a kid; "
                    + "tokens signed otherwise are refused")
        }
        let listed = keys.algorithms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return Finding(
            ok: true, title: "OAuth issuer keys: \(listed.count) usable",
            detail: listed.joined(separator: ", ") + " from \(location)")
    }
}
