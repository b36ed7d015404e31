import Core
import Testing

/// `CredentialPatterns.spans`: what `Redaction` masks in messages and code frames whatever rule reported them.
@Suite struct CredentialPatternsTests {
    static func found(_ text: String, region: Range<Int>? = nil) -> [String] {
        let bytes = Array(text.utf8)
        return CredentialPatterns.spans(in: bytes, region: region).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    static let github = "ghp_" + String(repeating: "a1B2", count: 9)
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"

    @Test func tokensOfKnownFormatsWhereverTheyStand() {
        #expect(Self.found(".default('\(Self.github)')") == [Self.github])
        #expect(Self.found("headers := '{\"Authorization\": \"Bearer \(Self.jwt)\"}'") == [Self.jwt])
        #expect(Self.found("key = AKIAIOSFODNN7EXAMPLE;") == ["AKIAIOSFODNN7EXAMPLE"])
        #expect(Self.found("config.\(Self.github)") == [Self.github])
        #expect(Self.found("hook: https://hooks.slack.com/services/T000/B000/XXXX and more") == ["https://hooks.slack.com/services/T000/B000/XXXX"])
    }

    @Test func aConnectionStringsPasswordOnly() {
        #expect(Self.found("url: 'postgres://app:s3cr%21t@db.internal:5432/main'") == ["s3cr%21t"])
        #expect(Self.found("postgresql://postgres:postgres@127.0.0.1:5432/db") == ["postgres"])
    }

    @Test func ordinaryTextIsLeftAlone() {
        for text in ["sk_test_short", "eyJ.a.b", "http://localhost:5432/db", "ghp_tooShort", "the token_limit column",
                     "user@example.com", "a.b.c.d", "https://example.com/path:with@colon"] {
            #expect(Self.found(text) == [], "\(text)")
        }
    }

    @Test func aRegionCutThroughATokenFindsItWhole() {
        let text = "x = '\(Self.github)';"
        #expect(Self.found(text, region: 10..<14) == [Self.github])
        // A code frame that starts after the URL's scheme still masks its password.
        let url = "dblink('postgres://app:hunter2@db:5432/x')"
        #expect(Self.found(url, region: 20..<url.utf8.count) == ["hunter2"])
    }

    /// A PEM key's body, in a file or in one literal with `\n` escapes; a public key or a certificate is not one.
    @Test func privateKeyBodies() {
        func bodies(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return CredentialPatterns.privateKeySpans(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(bodies("key = `-----BEGIN PRIVATE KEY-----\nMIIEvQIB\nADAN\n-----END PRIVATE KEY-----`") == ["\nMIIEvQIB\nADAN\n"])
        #expect(bodies(#"'-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIB\n-----END RSA PRIVATE KEY-----'"#) == [#"\nMIIEpAIB\n"#])
        #expect(bodies("-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----\nMIID\n") == [])
    }

    @Test func messagesKeepOnlyTheStart() {
        #expect(Redaction.redactPatterns("default `'\(Self.github)'` differs") == "default `'ghp_…'` differs")
        #expect(Redaction.redactPatterns("nothing here") == "nothing here")
    }
}
