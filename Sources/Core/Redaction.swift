/// Credential values never appear in a report: not in code frames, not in any rule's message. They are the values
/// of `gist/secret` findings, and anything anywhere in a known credential format (`CredentialPatterns`: a token in
/// a schema default or a migration's HTTP header, a connection string's password). At most `visiblePrefix`
/// characters are shown, enough to recognise which credential it is.
public struct Redaction: Sendable {
    public static let visiblePrefix = 4
    /// The rule whose spans are credential values.
    public static let secretRule = "gist/secret"

    /// Byte ranges of credential values per path (the JSON string, quotes included).
    public let spans: [String: [Range<Int>]]
    private let values: [String]

    /// Collects the credential spans of `findings` and their values (quotes stripped).
    public init(findings: [Finding], files: [String: SourceFile]) {
        var spans: [String: [Range<Int>]] = [:]
        var values: Set<String> = []
        for finding in findings where finding.ruleID == Self.secretRule {
            spans[finding.path, default: []].append(finding.range)
            guard let file = files[finding.path] else { continue }
            let lower = min(max(finding.range.lowerBound, 0), file.bytes.count)
            let upper = min(max(finding.range.upperBound, lower), file.bytes.count)
            var text = String(decoding: file.bytes[lower..<upper], as: UTF8.self)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            if text.count > Self.visiblePrefix { values.insert(text) }
        }
        self.spans = spans
        // Longest first, so a value that contains another is replaced whole.
        self.values = values.sorted { $0.count > $1.count }
    }

    /// `text` with every credential value, and every long enough start of one (messages shorten values), cut
    /// to its prefix and `…`; then whatever is in a known credential format.
    public func redact(_ text: String) -> String {
        Self.redactPatterns(redactValues(text))
    }

    private func redactValues(_ text: String) -> String {
        guard !values.isEmpty else { return text }
        var result = text
        for value in values {
            if result.contains(value) {
                result = result.replacingOccurrences(of: value, with: Self.shown(value))
            }
            // A message may quote a shortened value (`ghp_abc…` after 60 characters).
            let head = String(value.prefix(max(Self.visiblePrefix + 8, 16)))
            if head.count < value.count, result.contains(head) {
                result = result.replacingOccurrences(of: head, with: Self.shown(value))
            }
        }
        return result
    }

    static func shown(_ value: String) -> String { String(value.prefix(visiblePrefix)) + "…" }

    /// `text` with each credential `CredentialPatterns` recognises cut to its prefix and `…`.
    public static func redactPatterns(_ text: String) -> String {
        guard CredentialPatterns.mayHoldCredential(text) else { return text }
        let bytes = Array(text.utf8)
        let spans = CredentialPatterns.spans(in: bytes)
        guard !spans.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var next = 0
        for span in spans where span.lowerBound >= next {
            result += bytes[next..<span.lowerBound]
            result += Array(shown(String(decoding: bytes[span], as: UTF8.self)).utf8)
            next = span.upperBound
        }
        result += bytes[next...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Masks the part of `range` (file offsets) that falls in `window` (which starts at `windowStart`), keeping the
    /// value's first `visiblePrefix` scalars (after its opening quote): one `*` per scalar, so columns still line up.
    static func mask(_ range: Range<Int>, in window: inout [UInt8], windowStart: Int, source: [UInt8]) {
        var scalars = 0
        var offset = range.lowerBound
        if offset < source.count, source[offset] == UInt8(ascii: "\"") { offset += 1 }
        let upper = min(range.upperBound, source.count)
        let closing = upper > offset && source[upper - 1] == UInt8(ascii: "\"") ? upper - 1 : upper
        var dropped: Set<Int> = []
        while offset < closing {
            let isLead = source[offset] & 0xC0 != 0x80
            if isLead { scalars += 1 }
            if scalars > visiblePrefix, offset >= windowStart, offset < windowStart + window.count {
                // A lead byte becomes `*`; its continuation bytes go.
                if isLead { window[offset - windowStart] = UInt8(ascii: "*") } else { dropped.insert(offset - windowStart) }
            }
            offset += 1
        }
        guard !dropped.isEmpty else { return }
        window = window.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}
