/// RFC 3986 `uri`/`uri-reference`, RFC 3987 `iri`/`iri-reference` (non-ASCII allowed where URIs allow
/// unreserved characters) and RFC 6570 `uri-template` (level 4 syntax).
enum URIFormat {
    static func isURI(_ bytes: [UInt8], allowRelative: Bool, international: Bool) -> Bool {
        var rest = bytes[...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard allAllowed(rest[(hash + 1)...], extra: "/?", international: international) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard allAllowed(rest[(question + 1)...], extra: "/?", international: international) else { return false }
            rest = rest[..<question]
        }
        let firstSlash = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        if let colon = rest[..<firstSlash].firstIndex(of: UInt8(ascii: ":")), isScheme(rest[..<colon]) {
            rest = rest[(colon + 1)...]
        } else if !allowRelative {
            return false
        } else if rest[..<firstSlash].contains(UInt8(ascii: ":")) {
            return false  // a relative path's first segment cannot hold `:`
        }
        if rest.starts(with: "//".utf8) {
            let authorityStart = rest.startIndex + 2
            let authorityEnd = rest[authorityStart...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard isAuthority(rest[authorityStart..<authorityEnd], international: international) else { return false }
            rest = rest[authorityEnd...]
        }
        return allAllowed(rest, extra: "/", international: international)
    }

    private static func isScheme(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static func isAuthority(_ bytes: ArraySlice<UInt8>, international: Bool) -> Bool {
        var hostPort = bytes
        if let at = bytes.lastIndex(of: UInt8(ascii: "@")) {
            guard allAllowed(bytes[..<at], extra: ":", international: international, pcharExtras: false) else { return false }
            hostPort = bytes[(at + 1)...]
        }
        var host = hostPort
        if hostPort.first == UInt8(ascii: "[") {
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = hostPort[(hostPort.startIndex + 1)..<close]
            let isFuture = literal.first.map { $0 | 0x20 == UInt8(ascii: "v") } ?? false
            guard isFuture || NetworkFormat.isIPv6(literal) else { return false }
            let afterHost = hostPort[(close + 1)...]
            if afterHost.isEmpty { return true }
            guard afterHost.first == UInt8(ascii: ":") else { return false }
            return afterHost.dropFirst().allSatisfy(isDigit)
        }
        if let colon = hostPort.lastIndex(of: UInt8(ascii: ":")) {
            guard hostPort[(colon + 1)...].allSatisfy(isDigit) else { return false }
            host = hostPort[..<colon]
        }
        return allAllowed(host, extra: "", international: international, pcharExtras: false)
    }

    /// Unreserved, sub-delims, percent-encodings, `extra`, and (for paths, queries, fragments) `:` and `@`.
    private static func allAllowed(_ bytes: ArraySlice<UInt8>, extra: String, international: Bool, pcharExtras: Bool = true) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard isPercentEncoding(bytes, at: index) else { return false }
                index += 3
                continue
            }
            let allowed = isLetter(byte) || isDigit(byte) || "-._~!$&'()*+,;=".utf8.contains(byte)
                || (pcharExtras && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@"))) || extra.utf8.contains(byte)
                || (international && byte >= 0x80)
            if !allowed { return false }
            index += 1
        }
        return true
    }

    static func isURITemplate(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") {
                guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")), isExpression(bytes[(index + 1)..<close])
                else { return false }
                index = close + 1
                continue
            }
            if byte == UInt8(ascii: "%") {
                guard isPercentEncoding(bytes[...], at: index) else { return false }
                index += 3
                continue
            }
            if byte <= 0x20 || byte == 0x7F || "\"<>\\^`|}".utf8.contains(byte) { return false }
            index += 1
        }
        return true
    }

    private static func isExpression(_ body: ArraySlice<UInt8>) -> Bool {
        var body = body
        if let first = body.first, "+#./;?&".utf8.contains(first) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        return body.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).allSatisfy(isVariableSpec)
    }

    private static func isVariableSpec(_ spec: ArraySlice<UInt8>) -> Bool {
        var name = spec
        if spec.last == UInt8(ascii: "*") {
            name = spec.dropLast()
        } else if let colon = spec.firstIndex(of: UInt8(ascii: ":")) {
            let length = spec[(colon + 1)...]
            guard (1...4).contains(length.count), length.first != UInt8(ascii: "0"), length.allSatisfy(isDigit) else { return false }
            name = spec[..<colon]
        }
        guard !name.isEmpty, name.first != UInt8(ascii: "."), name.last != UInt8(ascii: ".") else { return false }
        var index = name.startIndex
        var previousDot = false
        while index < name.endIndex {
            let byte = name[index]
            if byte == UInt8(ascii: "%") {
                guard isPercentEncoding(name, at: index) else { return false }
                index += 3
                previousDot = false
                continue
            }
            if byte == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
            } else {
                guard isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") else { return false }
                previousDot = false
            }
            index += 1
        }
        return true
    }
}

/// `%` followed by two hex digits at `index`.
private func isPercentEncoding(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
    index + 2 < bytes.endIndex && hexDigitValue(bytes[index + 1]) != nil && hexDigitValue(bytes[index + 2]) != nil
}

func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z") }
