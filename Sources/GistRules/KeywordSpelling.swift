import Gists

/// Finds the JSON Schema keyword an unknown key was probably meant to be: the same word in another case
/// (`maxitems`), or one edit away (`requried`, `properites`: a swap of neighbours counts as one edit; two edits for
/// keywords of eight letters or more). Short keys are too ambiguous to guess.
enum KeywordSpelling {
    /// Sorted, so that ties resolve the same way on every run.
    static let keywords = SchemaKeywords.all.sorted()

    static func intendedKeyword(for key: String) -> String? {
        let lowered = Array(key.lowercased().utf8)
        guard lowered.count >= 4 else { return nil }
        var best: (keyword: String, distance: Int)?
        for keyword in keywords {
            let candidate = Array(keyword.lowercased().utf8)
            if candidate == lowered { return keyword }
            let allowed = candidate.count >= 8 ? 2 : candidate.count >= 4 ? 1 : 0
            guard abs(candidate.count - lowered.count) <= allowed else { continue }
            let distance = editDistance(lowered, candidate, limit: allowed)
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (keyword, distance) }
        }
        return best?.keyword
    }

    /// Optimal string alignment distance (Levenshtein plus swaps of neighbours); stops early above `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
