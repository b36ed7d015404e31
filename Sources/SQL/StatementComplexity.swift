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

    /// Where the first statement of `range` (statements end at `;`) crosses `limit`: the offending token.
    static func firstExcess(in range: Range<Int>, lexer: SQLLexer) -> Range<Int>? {
        var chains: [Int] = [0]
        var p = range.lowerBound
        while let token = lexer.nextToken(from: p, limit: range.upperBound) {
            p = token.range.upperBound
            guard case .punctuation(let byte) = token.kind else { continue }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["):
                chains.append(0)
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                if chains.count > 1 { chains.removeLast() }
            case UInt8(ascii: ","):
                chains[chains.count - 1] = 0
            case UInt8(ascii: ";"):
                chains = [0]
            case _ where operatorBytes.contains(byte):
                chains[chains.count - 1] += 1
            default:
                continue
            }
            if chains.count - 1 + chains[chains.count - 1] > limit { return token.range }
        }
        return nil
    }

    private static let operatorBytes = Set("+-*/%^<>=~!@#&|?".utf8)
}
