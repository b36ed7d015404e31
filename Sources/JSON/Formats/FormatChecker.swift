/// `format` assertions (used when format assertion is switched on). Unknown formats are always valid.
/// Implemented: date-time, date, time, duration, email, idn-email, hostname, idn-hostname (without the IDNA2008
/// contextual rules and punycode checks), ipv4, ipv6, uri, uri-reference, iri, iri-reference, uri-template,
/// json-pointer, relative-json-pointer, regex (ECMA-262, our engine), uuid.
/// The `format` checks, for rules outside the validator (a sync map's keys must be UUIDs).
public enum JSONFormats {
    /// nil when the format is unknown.
    public static func isValid(_ text: String, format: String) -> Bool? { FormatChecker.isValid(text, format: format) }
}

enum FormatChecker {
    /// The formats each draft defines. A format a draft does not define is unknown there, hence not checked
    /// (`uuid` in a draft-07 schema, `date` in a draft-04 one), as the specifications and check-jsonschema agree.
    static func defines(_ format: String, in draft: SchemaDraft) -> Bool {
        switch format {
        case "date-time", "email", "hostname", "ipv4", "ipv6", "uri": true
        case "uri-reference", "uri-template", "json-pointer": draft != .draft4
        case "date", "time", "idn-email", "idn-hostname", "iri", "iri-reference", "relative-json-pointer", "regex":
            !(draft == .draft4 || draft == .draft6)
        case "duration", "uuid": !draft.isLegacy
        default: false
        }
    }

    /// nil when the format is unknown to the draft (then the value is not checked).
    static func isValid(_ text: String, format: String, draft: SchemaDraft = .draft2020_12) -> Bool? {
        guard defines(format, in: draft) else { return nil }
        let bytes = Array(text.utf8)
        switch format {
        case "date": return DateTimeFormat.isDate(bytes[...])
        case "time": return DateTimeFormat.isTime(bytes[...])
        case "date-time": return DateTimeFormat.isDateTime(bytes)
        case "duration": return DateTimeFormat.isDuration(bytes)
        case "email": return NetworkFormat.isEmail(bytes, international: false)
        case "idn-email": return NetworkFormat.isEmail(bytes, international: true)
        // Drafts 4 and 6 name RFC 1123 alone; draft-07 adds RFC 5890's reserved `--` in positions 3–4.
        case "hostname":
            return NetworkFormat.isHostname(bytes[...], international: false, reservedHyphens: !(draft == .draft4 || draft == .draft6))
        case "idn-hostname": return NetworkFormat.isHostname(bytes[...], international: true)
        case "ipv4": return NetworkFormat.isIPv4(bytes[...])
        case "ipv6": return NetworkFormat.isIPv6(bytes[...])
        case "uri": return URIFormat.isURI(bytes, allowRelative: false, international: false)
        case "uri-reference": return URIFormat.isURI(bytes, allowRelative: true, international: false)
        case "iri": return URIFormat.isURI(bytes, allowRelative: false, international: true)
        case "iri-reference": return URIFormat.isURI(bytes, allowRelative: true, international: true)
        case "uri-template": return URIFormat.isURITemplate(bytes)
        case "json-pointer": return isJSONPointer(bytes[...])
        case "relative-json-pointer": return isRelativeJSONPointer(bytes)
        case "regex": return (try? ECMARegex(text)) != nil
        case "uuid": return isUUID(bytes)
        default: return nil
        }
    }

    static func isJSONPointer(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        guard first == UInt8(ascii: "/") else { return false }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "~") {
                let next = index + 1
                guard next < bytes.endIndex, bytes[next] == UInt8(ascii: "0") || bytes[next] == UInt8(ascii: "1") else { return false }
            }
            index += 1
        }
        return true
    }

    /// `<non-negative integer>` then `#` or a JSON pointer (draft 2020-12 relative JSON pointer).
    static func isRelativeJSONPointer(_ bytes: [UInt8]) -> Bool {
        let digits = bytes.prefix(while: isDigit)
        guard !digits.isEmpty, digits.count == 1 || digits.first != UInt8(ascii: "0") else { return false }
        let rest = bytes[digits.count...]
        if rest.first == UInt8(ascii: "#") { return rest.count == 1 }
        return isJSONPointer(rest)
    }

    static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if hexDigitValue(byte) == nil {
                return false
            }
        }
        return true
    }
}

/// Reads a fixed number of ASCII digits as an integer.
func asciiNumber(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
    return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
}
