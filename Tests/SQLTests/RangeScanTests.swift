import Testing
@testable import SQL

/// A statement read from its range's recorded scan must be what scanning the statement alone finds.
@Suite struct RangeScanTests {
    static let long = String(repeating: "x", count: 70)
    static let texts = [
        "CREATE TABLE a (id int);\nCREATE INDEX i ON a (id);  -- after\n/* before */ DROP TABLE b",
        "  ;;SELECT 1 ; -- c ;\n; CREATE TABLE \"\(long)\" (\(long) int);",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;",
        "-- only a comment\n",
    ]

    /// Every pair of statement edges (the range's ends, each `;` and the offset after it), so edges libpg_query
    /// would never give are tried too.
    @Test(arguments: texts) func matchesAFreshScan(_ text: String) {
        let lexer = SQLLexer(bytes: Array(text.utf8))
        let whole = 0..<lexer.bytes.count
        let recorded = lexer.scan(whole, measuringComplexity: true, recordingSemicolons: true)
        let semicolons = recorded.semicolons.map(\.position)
        #expect(semicolons.count == text.filter { $0 == ";" }.count - (text.contains("-- c ;") ? 1 : 0))
        let starts = [0] + semicolons.map { $0 + 1 } + [3]
        let ends = semicolons + [whole.upperBound, 5]
        var read = 0
        for start in starts {
            for end in ends where start <= end {
                guard let statement = recorded.statement(start..<end, in: whole) else { continue }
                read += 1
                let fresh = lexer.scan(start..<end, measuringComplexity: false)
                #expect(statement.significant == fresh.significant, "\(start)..<\(end)")
                #expect(statement.longTokens == fresh.longTokens, "\(start)..<\(end)")
            }
        }
        #expect(read >= (semicolons.count + 1) * (semicolons.count + 1) / 2)
    }

    @Test func elsewhereItAsksForAScan() {
        let lexer = SQLLexer(bytes: Array("SELECT 1; SELECT 2;".utf8))
        let recorded = lexer.scan(0..<19, measuringComplexity: false, recordingSemicolons: true)
        #expect(recorded.statement(3..<8, in: 0..<19) == nil)
        #expect(recorded.statement(10..<12, in: 0..<19) == nil)
        #expect(recorded.statement(9..<18, in: 0..<19)?.significant == 10..<18)
    }
}
