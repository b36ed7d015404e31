/// Recognisers for well-known credential formats, on the string's bytes (no regex engine needed).
enum TokenPatterns {
    /// What kind of credential `value` is, or nil.
    static func kind(of value: String) -> String? {
        let bytes = Array(value.utf8)
        if value.contains("-----BEGIN") && value.contains("PRIVATE KEY-----") { return "private key" }
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] where hasToken(bytes, prefix: prefix, minimumTail: 36) {
            return "GitHub token"
        }
        if hasToken(bytes, prefix: "github_pat_", minimumTail: 22) { return "GitHub token" }
        for prefix in ["sk_live_", "rk_live_", "sk_test_", "rk_test_", "whsec_"] where hasToken(bytes, prefix: prefix, minimumTail: 16) {
            return "Stripe key"
        }
        for prefix in ["AKIA", "ASIA"] where bytes.count == 20 && value.hasPrefix(prefix)
            && bytes.allSatisfy({ isUpperAlphanumeric($0) }) {
            return "AWS access key id"
        }
        for prefix in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"] where hasToken(bytes, prefix: prefix, minimumTail: 10, allowDash: true) {
            return "Slack token"
        }
        if value.hasPrefix("https://hooks.slack.com/services/") { return "Slack webhook URL" }
        return nil
    }

    private static func hasToken(_ bytes: [UInt8], prefix: String, minimumTail: Int, allowDash: Bool = false) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard bytes.count >= prefixBytes.count + minimumTail, bytes.starts(with: prefixBytes) else { return false }
        return bytes[prefixBytes.count...].allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || (allowDash && $0 == UInt8(ascii: "-")) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
    }
}

/// Key names that hold credentials: the last word of the key (camelCase, snake_case or kebab-case) decides,
/// so `githubToken` and `client_secret` count while `tokenLimit` and `passwordPolicy` do not.
enum SecretKeyNames {
    static let lastWords: Set<String> = ["password", "passwd", "pwd", "secret", "token", "apikey", "credential", "credentials", "privatekey", "passphrase"]
    static let pairs: Set<String> = ["api key", "private key", "access key", "secret key", "auth token", "access token", "refresh token", "client secret", "signing key"]

    static func isSecretKey(_ key: String) -> Bool {
        let words = KeyWords.words(key)
        guard let last = words.last else { return false }
        if lastWords.contains(last) { return true }
        if words.count >= 2, pairs.contains(words[words.count - 2] + " " + last) { return true }
        return false
    }

    /// A value that is a credential rather than a reference to one or a placeholder.
    static func isLiteral(_ value: String) -> Bool {
        guard value.count >= 4 else { return false }
        if value.hasPrefix("$") || value.hasPrefix("<") || value.hasPrefix("{{") || value.hasPrefix("env:") { return false }
        let distinct = Set(value.lowercased())
        if distinct.count <= 2 { return false }  // "****", "xxxx", "...."
        let placeholders: Set<String> = ["changeme", "change-me", "redacted", "placeholder", "example", "your-token-here", "none", "null", "todo"]
        return !placeholders.contains(value.lowercased())
    }
}

/// Splits a JSON key into lower-case words at camelCase humps, `_`, `-`, `.` and spaces.
enum KeyWords {
    static func split(_ key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in key {
            if character == "_" || character == "-" || character == "." || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower {
                words.append(current)
                current = ""
            }
            current.append(Character(character.lowercased()))
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension TokenPatterns {
    /// "a" or "an" before a credential kind, for messages.
    static func article(_ kind: String) -> String {
        "AEIOU".contains(kind.first ?? "x") ? "an" : "a"
    }
}
