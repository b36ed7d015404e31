/// A cheap, lexer-only measure of how deep libpg_query's tree for a statement can get, so that statements it
/// would overflow the stack on (`SELECT 1+1+…` with tens of thousands of terms: the parser builds the chain in a
/// loop, but turning the tree into JSON recurses once per operator) are refused before they reach it.
///
/// The measure of a token is its parenthesis depth plus the operators seen since the last `,` or bracket at
/// that depth: an upper bound of the tree depth of a left-nested operator chain. Lists (`VALUES (…), (…)`,
/// `IN (1, 2, …)`) and dollar-quoted bodies stay cheap, whatever their length.
struct StatementComplexity {
    /// Far beyond hand-written or generated migrations, and far below what libpg_query survives on an 8 MB
    /// stack (it crashes between 50,000 and 70,000 chained operators) or on a 512 KB thread stack.
    static let limit = 2_000

    /// Nesting of `/* /* … */ */` allowed. PostgreSQL's scanner (and so libpg_query's) re-reads the rest of a run
    /// of `/*` for every level, which is quadratic: 100,000 levels took over a minute.
    static let commentNestingLimit = 1_000

    /// What crossed a limit, and where.
    struct Excess {
        var range: Range<Int>
        var message: String
    }

    /// Operators chained at the innermost open parenthesis (or outside all) since its last `,`.
    private var chain = 0
    /// The chains of the enclosing open parentheses, outermost first: nothing is allocated before the first `(`, and
    /// a `;` keeps the memory for the next statement.
    private var enclosing: [Int] = []

    /// Where `range` first crosses a limit: the offending token.
    static func firstExcess(in range: Range<Int>, lexer: SQLLexer) -> Excess? {
        var complexity = StatementComplexity()
        var p = range.lowerBound
        while let token = lexer.nextToken(from: p, limit: range.upperBound) {
            p = token.range.upperBound
            if let excess = complexity.add(token, in: lexer.bytes) { return excess }
        }
        return nil
    }

    /// Measures the next token of the text; the excess when this token crosses a limit.
    mutating func add(_ token: SQLToken, in bytes: [UInt8]) -> Excess? {
        if token.kind == .blockComment, Self.nestingDepth(of: token.range, in: bytes) > Self.commentNestingLimit {
            return Excess(range: token.range.lowerBound..<(token.range.lowerBound + 2),
                          message: "comment nested more than \(Self.commentNestingLimit) levels deep, too deep to check; remove the nested `/*`")
        }
        guard case .punctuation(let byte) = token.kind else { return nil }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["):
            enclosing.append(chain)
            chain = 0
        case UInt8(ascii: ")"), UInt8(ascii: "]"):
            if let outer = enclosing.popLast() { chain = outer }
        case UInt8(ascii: ","):
            chain = 0
        case UInt8(ascii: ";"):
            chain = 0
            enclosing.removeAll(keepingCapacity: true)
        case _ where Self.isOperator(byte):
            chain += 1
        default:
            return nil
        }
        if enclosing.count + chain > Self.limit {
            return Excess(range: token.range, message: "statement too complex to check: more than \(Self.limit) operators chained or nested in one expression; split it into smaller statements")
        }
        return nil
    }

    /// Whether a block comment token ends with the `*/` that closes its outermost `/*`.
    static func isClosedComment(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        nesting(of: range, in: bytes).final == 0
    }

    /// The deepest `/*` nesting inside one block comment token.
    private static func nestingDepth(of range: Range<Int>, in bytes: [UInt8]) -> Int {
        nesting(of: range, in: bytes).deepest
    }

    private static func nesting(of range: Range<Int>, in bytes: [UInt8]) -> (deepest: Int, final: Int) {
        var depth = 0, deepest = 0
        var p = range.lowerBound
        while p + 1 < range.upperBound {
            if bytes[p] == UInt8(ascii: "/"), bytes[p + 1] == UInt8(ascii: "*") {
                depth += 1
                deepest = max(deepest, depth)
                p += 2
            } else if bytes[p] == UInt8(ascii: "*"), bytes[p + 1] == UInt8(ascii: "/") {
                depth -= 1
                p += 2
            } else {
                p += 1
            }
        }
        return (deepest, depth)
    }

    /// `+-*/%^<>=~!@#&|?`: the bytes PostgreSQL builds operators from.
    private static func isOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "^"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"),
             UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "?"):
            true
        default:
            false
        }
    }
}
