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
