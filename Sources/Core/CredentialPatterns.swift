/// Well-known credential formats, recognised on bytes (no regex engine needed). `gist/secret` reports them in Gists;
/// `Redaction` masks them wherever a report would show them: a token can sit in a schema default, in a Supabase
/// migration's `Authorization: Bearer` header for `pg_net`, or in a connection string, and a finding's message or
/// code frame must not copy it into a CI log or a SARIF upload.
public enum CredentialPatterns {
    /// What kind of credential `value` (a whole string) is, or nil.
    public static func kind(of value: String) -> String? {
        let bytes = Array(value.utf8)
        if value.contains("-----BEGIN") && value.contains("PRIVATE KEY-----") { return "private key" }
        return tokenKind(bytes[...])
    }

    private static let slackWebhook = Array("https://hooks.slack.com/services/".utf8)

    /// The kind of one token (a run of letters, digits, `_`, `-`, `.`), or nil.
    static func tokenKind(_ bytes: ArraySlice<UInt8>) -> String? {
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] where hasToken(bytes, prefix: prefix, minimumTail: 36) {
            return "GitHub token"
        }
        if hasToken(bytes, prefix: "github_pat_", minimumTail: 22) { return "GitHub token" }
        for prefix in ["sk_live_", "rk_live_", "sk_test_", "rk_test_", "whsec_"] where hasToken(bytes, prefix: prefix, minimumTail: 16) {
            return "Stripe key"
        }
        for prefix in ["AKIA", "ASIA"] where bytes.count == 20 && bytes.starts(with: prefix.utf8) && bytes.allSatisfy(isUpperAlphanumeric) {
            return "AWS access key id"
        }
        for prefix in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"] where hasToken(bytes, prefix: prefix, minimumTail: 10, allowDash: true) {
            return "Slack token"
        }
        if bytes.starts(with: slackWebhook) { return "Slack webhook URL" }
        return nil
    }

    /// Byte ranges of the credentials in `bytes[region]`: tokens of a known format, and the password of a
    /// `scheme://user:password@host` URL. A token that runs past the region's ends is read whole first, so a
    /// region cut through a token still finds it.
    public static func spans(in bytes: [UInt8], region: Range<Int>? = nil) -> [Range<Int>] {
        var lower = max(region?.lowerBound ?? 0, 0), upper = min(region?.upperBound ?? bytes.count, bytes.count)
        while lower > 0, isTokenByte(bytes[lower - 1]) { lower -= 1 }
        while upper < bytes.count, isTokenByte(bytes[upper]) { upper += 1 }
        var found: [Range<Int>] = []
        var index = lower
        while index < upper {
            guard isTokenByte(bytes[index]) else {
                if bytes[index] == UInt8(ascii: ":"), let password = urlPassword(bytes, colon: index) { found.append(password) }
                index += 1
                continue
            }
            if bytes[index...].starts(with: slackWebhook) {
                var end = index + slackWebhook.count
                while end < bytes.count, isPasswordByte(bytes[end]) || bytes[end] == UInt8(ascii: "/") { end += 1 }
                found.append(index..<end)
                index = end
                continue
            }
            var end = index
            while end < upper, isTokenByte(bytes[end]) { end += 1 }
            found += tokenSpans(bytes, index..<end)
            index = end
        }
        return found
    }

    /// A run of token bytes: the whole run when it is a credential, else each of its `.`-separated parts on its
    /// own (`key.ghp_…` holds a GitHub token). JSON Web Tokens are masked too, though `kind(of:)` does not name
    /// them: a Supabase anon key is one and is public by design, so `gist/secret` does not report them, but a
    /// service-role key looks the same.
    private static func tokenSpans(_ bytes: [UInt8], _ run: Range<Int>) -> [Range<Int>] {
        if tokenKind(bytes[run]) != nil || isJSONWebToken(bytes[run]) { return [run] }
        guard bytes[run].contains(UInt8(ascii: ".")) else { return [] }
        var spans: [Range<Int>] = []
        var start = run.lowerBound
        for index in run.lowerBound...run.upperBound where index == run.upperBound || bytes[index] == UInt8(ascii: ".") {
            if start < index, tokenKind(bytes[start..<index]) != nil { spans.append(start..<index) }
            start = index + 1
        }
        return spans
    }

    /// `postgres://user:secret@host`: the password between the `:` after the user and the `@`. Masked whatever it
    /// is, a placeholder too: showing a connection string's password buys nothing.
    private static func urlPassword(_ bytes: [UInt8], colon: Int) -> Range<Int>? {
        // The user name runs back to `//`.
        var start = colon
        while start > 0, bytes[start - 1] != UInt8(ascii: "/"), isUserByte(bytes[start - 1]) { start -= 1 }
        guard start >= 2, start < colon, bytes[start - 1] == UInt8(ascii: "/"), bytes[start - 2] == UInt8(ascii: "/") else { return nil }
        var end = colon + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "@"), isPasswordByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "@"), end > colon + 1 else { return nil }
        return colon + 1..<end
    }

    /// `eyJ…` header, payload and signature, each base64url: how Supabase's service-role key and every other JWT
    /// look.
    private static func isJSONWebToken(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 40, bytes.starts(with: "eyJ".utf8) else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { part in
            part.count >= 4 && part.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
    }

    private static func hasToken(_ bytes: ArraySlice<UInt8>, prefix: String, minimumTail: Int, allowDash: Bool = false) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard bytes.count >= prefixBytes.count + minimumTail, bytes.starts(with: prefixBytes) else { return false }
        return bytes.dropFirst(prefixBytes.count).allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: "_") || (allowDash && $0 == UInt8(ascii: "-"))
        }
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func isUserByte(_ byte: UInt8) -> Bool {
        isTokenByte(byte) || byte == UInt8(ascii: "%")
    }

    private static func isPasswordByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "\"")
            && byte != UInt8(ascii: "`")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
    }
}
