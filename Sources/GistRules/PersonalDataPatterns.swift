/// Recognisers for personal data in Gist keys and values, on bytes and key words (no regex engine needed).
enum PersonalDataPatterns {
    /// Mailbox names that belong to a role or a system, not a person.
    static let roleMailboxes: Set<String> = [
        "noreply", "no-reply", "donotreply", "do-not-reply", "support", "help", "info", "contact", "hello", "team",
        "admin", "administrator", "billing", "sales", "security", "abuse", "postmaster", "hostmaster", "webmaster",
        "notifications", "notification", "alerts", "ops", "devops", "bot", "system", "root", "mailer-daemon", "privacy", "git",
    ]
    /// Key words that make an e-mail or phone key a role's, not a person's: `supportEmail`, `senderAddress`.
    static let roleWords: Set<String> = [
        "support", "noreply", "contact", "sales", "from", "sender", "reply", "notification", "notifications", "alert",
        "alerts", "admin", "team", "system", "bot", "service", "security", "helpdesk",
    ]

    /// What kind of personal data a key names (`email address`, `phone number`, …), or nil.
    static func kind(ofKey key: String) -> String? {
        let words = KeyWords.words(key)
        guard let last = words.last else { return nil }
        if words.contains(where: roleWords.contains) { return nil }
        if last == "email" || last == "emails" || (last == "address" && words.dropLast().last == "email") || last == "mail" && words.count == 1 {
            return "e-mail address"
        }
        if ["phone", "phones", "mobile", "telephone", "cellphone", "msisdn"].contains(last)
            || (last == "number" && ["phone", "mobile", "telephone"].contains(words.dropLast().last ?? "")) {
            return "phone number"
        }
        if last == "address", words.count == 1 || ["street", "home", "postal", "mailing", "billing", "shipping", "residential", "physical"].contains(words.dropLast().last ?? "") {
            return "postal address"
        }
        if words.suffix(3) == ["date", "of", "birth"] || words.suffix(2) == ["birth", "date"] || last == "birthday" || last == "dob" || last == "birthdate" {
            return "date of birth"
        }
        if last == "ssn" || words.suffix(3) == ["social", "security", "number"] || words.suffix(2) == ["national", "id"]
            || (words.contains("passport") && ["number", "id", "passport"].contains(last)) || words.suffix(2) == ["driver", "license"] {
            return "national identifier"
        }
        if ["first", "last", "full", "given", "family", "middle"].contains(words.dropLast().last ?? "") && last == "name" || last == "surname" {
            return "personal name"
        }
        return nil
    }

    /// The e-mail address in a value (the value may hold more, as in `Dana <dana@example.com>`), unless it
    /// belongs to a role mailbox or GitHub's no-reply domain.
    static func personalEmail(in value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        var start = at
        while start > 0, isLocalByte(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
        guard start < at, end > at + 1 else { return false }
        let local = String(decoding: bytes[start..<at], as: UTF8.self).lowercased()
        let domain = String(decoding: bytes[(at + 1)..<end], as: UTF8.self).lowercased()
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
              let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        let mailbox = String(local.split(separator: "+").first ?? "")
        return !roleMailboxes.contains(mailbox) && !domain.hasSuffix("noreply.github.com")
    }

    /// An international phone number: `+` then 8 to 15 digits, with spaces, dots, dashes or brackets between.
    static func isPhoneNumber(_ value: String, keyNamesPhone: Bool) -> Bool {
        var digits = 0
        for (index, byte) in value.utf8.enumerated() {
            switch byte {
            case 0x30...0x39: digits += 1
            case UInt8(ascii: "+") where index == 0: continue
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            default: return false
            }
        }
        let international = value.utf8.first == UInt8(ascii: "+")
        return (international || keyNamesPhone) && digits >= (international ? 8 : 7) && digits <= 15
    }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
