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

    /// Token prefixes by kind, as bytes once (not per token: every word of every message is a token), with the
    /// characters that must follow.
    private struct Prefixed: Sendable {
        let prefix: [UInt8]
        let minimumTail: Int
        let allowDash: Bool
        let kind: String
    }

    private static let prefixed: [Prefixed] = [
        ("ghp_", 36, false, "GitHub token"), ("gho_", 36, false, "GitHub token"), ("ghu_", 36, false, "GitHub token"),
        ("ghs_", 36, false, "GitHub token"), ("ghr_", 36, false, "GitHub token"), ("github_pat_", 22, false, "GitHub token"),
        ("sk_live_", 16, false, "Stripe key"), ("rk_live_", 16, false, "Stripe key"), ("sk_test_", 16, false, "Stripe key"),
        ("rk_test_", 16, false, "Stripe key"), ("whsec_", 16, false, "Stripe key"),
        ("xoxb-", 10, true, "Slack token"), ("xoxp-", 10, true, "Slack token"), ("xoxa-", 10, true, "Slack token"),
        ("xoxr-", 10, true, "Slack token"), ("xoxs-", 10, true, "Slack token"),
    ].map { Prefixed(prefix: Array($0.0.utf8), minimumTail: $0.1, allowDash: $0.2, kind: $0.3) }

    /// No credential format is shorter: a shorter token (almost every word) is passed over at once.
    private static let shortestToken = 15

    /// The kind of one token (a run of letters, digits, `_`, `-`, `.`), or nil.
    static func tokenKind(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count >= shortestToken, let first = bytes.first else { return nil }
        for candidate in prefixed where candidate.prefix[0] == first
            && hasToken(bytes, prefix: candidate.prefix, minimumTail: candidate.minimumTail, allowDash: candidate.allowDash) {
            return candidate.kind
        }
        if bytes.count == 20, first == UInt8(ascii: "A"), bytes.starts(with: akia) || bytes.starts(with: asia),
           bytes.allSatisfy(isUpperAlphanumeric) {
            return "AWS access key id"
        }
        if first == UInt8(ascii: "h"), bytes.starts(with: slackWebhook) { return "Slack webhook URL" }
        return nil
    }

    private static let akia = Array("AKIA".utf8), asia = Array("ASIA".utf8)

    /// Byte ranges of the credentials in `bytes[region]`: tokens of a known format, and the password of a
    /// `scheme://user:password@host` URL. A token that runs past the region's ends is read whole first, so a
    /// region cut through a token still finds it.
    public static func spans(in bytes: [UInt8], region: Range<Int>? = nil) -> [Range<Int>] {
        var lower = max(region?.lowerBound ?? 0, 0), upper = min(region?.upperBound ?? bytes.count, bytes.count)
        guard lower < upper else { return [] }
        while lower > 0, isTokenByte(bytes[lower - 1]) { lower -= 1 }
        while upper < bytes.count, isTokenByte(bytes[upper]) { upper += 1 }
        // Every message and code frame passes here: most have no run of 15 token bytes and no `@`, and cost one
        // pass of table lookups.
        var found: [Range<Int>] = []
        var mayHoldURL = false
        let tokenBytes = Self.tokenBytes
        bytes.withUnsafeBufferPointer { buffer in
            var index = lower
            while index < upper {
                let byte = buffer[index]
                guard tokenBytes[Int(byte)] else {
                    // The `@` ends a URL's password; its `scheme://` may lie before the region (a code frame cut
                    // through the URL), which `urlPassword` walks back to.
                    if byte == UInt8(ascii: "@") { mayHoldURL = true }
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "h"), bytes[index...].starts(with: slackWebhook) {
                    var end = index + slackWebhook.count
                    while end < buffer.count, isPasswordByte(buffer[end]) || buffer[end] == UInt8(ascii: "/") { end += 1 }
                    found.append(index..<end)
                    index = end
                    continue
                }
                var end = index + 1
                while end < upper, tokenBytes[Int(buffer[end])] { end += 1 }
                if end - index >= shortestToken { found += tokenSpans(bytes, index..<end) }
                index = end
            }
        }
        // `user:password@` after a `scheme://`: the colons of the region, only when an `@` is there.
        if mayHoldURL {
            for index in lower..<upper where bytes[index] == UInt8(ascii: ":") {
                if let password = urlPassword(bytes, colon: index) { found.append(password) }
            }
            found.sort { $0.lowerBound < $1.lowerBound }
        }
        return found
    }

    /// The bodies of PEM private keys in a file (`-----BEGIN … PRIVATE KEY-----` to `-----END`): their base64 lines
    /// break into short runs that no token format matches, so a code frame on one would show key material.
    public static func privateKeySpans(in bytes: [UInt8]) -> [Range<Int>] {
        let begin = Array("-----BEGIN ".utf8), marker = Array("PRIVATE KEY-----".utf8), end = Array("-----END ".utf8)
        var spans: [Range<Int>] = []
        var start = 0
        while let header = ByteSearch.firstIndex(of: begin, in: bytes, from: start) {
            // The header's own line must name a private key.
            var lineEnd = header
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            // (A key written in one string literal with `\n` escapes has both on one source line too.)
            guard let label = ByteSearch.firstIndex(of: marker, in: bytes, from: header), label < lineEnd else {
                start = header + 1
                continue
            }
            let body = label + marker.count
            let close = ByteSearch.firstIndex(of: end, in: bytes, from: body) ?? bytes.count
            spans.append(body..<close)
            start = close
        }
        return spans
    }

    /// Whether `text` has a run of token bytes long enough for a credential, or an `@` (a URL's password): most
    /// messages have neither, and are passed over without copying their bytes.
    public static func mayHoldCredential(_ text: String) -> Bool {
        var text = text
        let table = tokenBytes
        return text.withUTF8 { bytes in
            var run = 0
            for byte in bytes {
                if table[Int(byte)] {
                    run += 1
                    if run >= shortestToken { return true }
                } else {
                    if byte == UInt8(ascii: "@") { return true }
                    run = 0
                }
            }
            return false
        }
    }

    /// `isTokenByte` as a table: letters, digits, `_`, `-`, `.`.
    private static let tokenBytes: [Bool] = (0..<256).map { isTokenByte(UInt8($0)) }

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

    private static func hasToken(_ bytes: ArraySlice<UInt8>, prefix: [UInt8], minimumTail: Int, allowDash: Bool) -> Bool {
        guard bytes.count >= prefix.count + minimumTail, bytes.starts(with: prefix) else { return false }
        return bytes.dropFirst(prefix.count).allSatisfy {
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
