/// `ipv4`, `ipv6` (RFC 4291 text forms, no zone id), `hostname`/`idn-hostname` (RFC 1123 labels; the IDNA2008
/// contextual and punycode rules are not checked) and `email`/`idn-email` (RFC 5321 mailbox).
enum NetworkFormat {
    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard (1...3).contains(part.count), let value = asciiNumber(part), value <= 255 else { return false }
            return part.count == 1 || part.first != UInt8(ascii: "0")
        }
    }

    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        let text = Array(bytes)
        // At most one `::`.
        var doubleColon: Int?
        var index = 0
        while index + 1 < text.count {
            if text[index] == UInt8(ascii: ":"), text[index + 1] == UInt8(ascii: ":") {
                if doubleColon != nil { return false }
                doubleColon = index
                index += 2
            } else {
                index += 1
            }
        }
        func groups(_ part: ArraySlice<UInt8>, allowIPv4Tail: Bool) -> Int? {
            if part.isEmpty { return 0 }
            let pieces = part.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            var count = 0
            for (position, piece) in pieces.enumerated() {
                if position == pieces.count - 1, allowIPv4Tail, piece.contains(UInt8(ascii: ".")) {
                    guard isIPv4(piece) else { return nil }
                    count += 2
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy({ hexDigitValue($0) != nil }) else { return nil }
                    count += 1
                }
            }
            return count
        }
        if let doubleColon {
            guard let head = groups(text[0..<doubleColon], allowIPv4Tail: false),
                  let tail = groups(text[(doubleColon + 2)...], allowIPv4Tail: true) else { return false }
            return head + tail <= 7
        }
        return groups(text[...], allowIPv4Tail: true) == 8
    }

    static func isHostname(_ bytes: ArraySlice<UInt8>, international: Bool, reservedHyphens: Bool = true) -> Bool {
        if !international {
            guard !bytes.isEmpty, bytes.count <= 253 else { return false }
            let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            return labels.allSatisfy { label in
                guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                      label.allSatisfy({ isDigit($0) || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "-") })
                else { return false }
                // `--` in positions 3–4 is reserved for A-labels (`xn--`).
                let hyphens34 = label.count >= 4 && label[label.startIndex + 2] == UInt8(ascii: "-") && label[label.startIndex + 3] == UInt8(ascii: "-")
                let isALabel = label.prefix(4).map { $0 | 0x20 } == Array("xn--".utf8)
                return !reservedHyphens || !hyphens34 || isALabel
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.isEmpty, text.utf8.count <= 253 * 4 else { return false }
        // IDNA label separators: full stop and its ideographic/fullwidth/halfwidth forms.
        let labels = text.split(omittingEmptySubsequences: false) { "\u{2E}\u{3002}\u{FF0E}\u{FF61}".contains($0) }
        return labels.allSatisfy { label in
            guard !label.isEmpty, label.unicodeScalars.count <= 63, label.first != "-", label.last != "-" else { return false }
            if label.allSatisfy(\.isASCII) { return isHostname(Array(label.utf8)[...], international: false) }
            return label.unicodeScalars.allSatisfy { scalar in
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .decimalNumber: true
                default: scalar == "-"
                }
            }
        }
    }

    static func isEmail(_ bytes: [UInt8], international: Bool) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isLocalPart(local, international: international) && isMailDomain(domain, international: international)
    }

    private static func isLocalPart(_ local: ArraySlice<UInt8>, international: Bool) -> Bool {
        if local.first == UInt8(ascii: "\"") {
            guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
            var index = local.startIndex + 1
            while index < local.endIndex - 1 {
                let byte = local[index]
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") || byte < 0x20 || byte == 0x7F { return false }
                index += 1
            }
            return index == local.endIndex - 1
        }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return false }
        var previousDot = false
        for byte in local {
            if byte == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            let isAtext = isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte) || (international && byte >= 0x80)
            if !isAtext { return false }
        }
        return true
    }

    private static func isMailDomain(_ domain: ArraySlice<UInt8>, international: Bool) -> Bool {
        if domain.first == UInt8(ascii: "[") {
            guard domain.last == UInt8(ascii: "]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.starts(with: "IPv6:".utf8) { return isIPv6(literal.dropFirst(5)) }
            return isIPv4(literal)
        }
        return isHostname(domain, international: international)
    }
}
