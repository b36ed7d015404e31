/// Where two versions of a SQL file first differ in what PostgreSQL runs: whitespace between tokens and the letter
/// case of unquoted words (keywords and unquoted identifiers, which PostgreSQL folds to lower case) are not
/// differences. Strings, quoted identifiers, dollar-quoted bodies and comments compare byte for byte (a comment
/// can hold drizzle-kit's `--> statement-breakpoint`).
public enum SQLTextDifference {
    /// The offset in `new` of the first token that differs from `old`'s, or nil when both run the same.
    public static func first(_ old: [UInt8], _ new: [UInt8]) -> Int? {
        if old == new { return nil }
        let oldLexer = SQLLexer(bytes: old)
        let newLexer = SQLLexer(bytes: new)
        var oldOffset = 0
        var newOffset = 0
        while true {
            let oldToken = oldLexer.nextToken(from: oldOffset, limit: old.count)
            let newToken = newLexer.nextToken(from: newOffset, limit: new.count)
            switch (oldToken, newToken) {
            case (nil, nil):
                return nil
            case (_, nil):
                return max(new.count - 1, 0)
            case (nil, let added?):
                return added.range.lowerBound
            case (let was?, let now?):
                guard was.kind == now.kind, same(old[was.range], new[now.range], ignoringCase: was.kind == .word) else {
                    return now.range.lowerBound
                }
                oldOffset = was.range.upperBound
                newOffset = now.range.upperBound
            }
        }
    }

    private static func same(_ old: ArraySlice<UInt8>, _ new: ArraySlice<UInt8>, ignoringCase: Bool) -> Bool {
        guard ignoringCase else { return old.elementsEqual(new) }
        return old.count == new.count && zip(old, new).allSatisfy { SQLLexer.foldedCase($0) == SQLLexer.foldedCase($1) }
    }
}
