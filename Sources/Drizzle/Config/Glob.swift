/// Minimal glob matching for config paths: `*` (within a path segment), `**` (any number of segments), `?`
/// and `{a,b}` alternatives.
enum Glob {
    static func isPattern(_ text: String) -> Bool { text.contains { "*?{[".contains($0) } }

    /// The folder before the first segment with a wildcard (where to start listing files).
    static func fixedPrefixFolder(_ pattern: String) -> String {
        var parts: [Substring] = []
        for segment in pattern.split(separator: "/", omittingEmptySubsequences: false) {
            if isPattern(String(segment)) { break }
            parts.append(segment)
        }
        return parts.joined(separator: "/")
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        for expanded in expandBraces(pattern) where match(Array(expanded.utf8), 0, Array(path.utf8), 0) { return true }
        return false
    }

    private static func expandBraces(_ pattern: String) -> [String] {
        guard let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") else { return [pattern] }
        let head = pattern[..<open], tail = pattern[pattern.index(after: close)...]
        return pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { expandBraces(String(head) + String($0) + String(tail)) }
    }

    private static func match(_ pattern: [UInt8], _ p: Int, _ text: [UInt8], _ t: Int) -> Bool {
        if p == pattern.count { return t == text.count }
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        if pattern[p] == star {
            if p + 1 < pattern.count, pattern[p + 1] == star {
                // `**/` may match nothing; `**` matches across segments.
                var next = p + 2
                if next < pattern.count, pattern[next] == slash { next += 1 }
                for start in t...text.count where match(pattern, next, text, start) { return true }
                return false
            }
            var end = t
            while true {
                if match(pattern, p + 1, text, end) { return true }
                guard end < text.count, text[end] != slash else { return false }
                end += 1
            }
        }
        guard t < text.count else { return false }
        if pattern[p] == UInt8(ascii: "?") { return text[t] != slash && match(pattern, p + 1, text, t + 1) }
        return pattern[p] == text[t] && match(pattern, p + 1, text, t + 1)
    }
}
