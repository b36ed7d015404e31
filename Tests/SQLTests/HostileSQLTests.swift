import Foundation
import Testing
@testable import SQL

/// SQL built to hurt libpg_query (a crash, quadratic scanning) or to hide statements: refused or reported, fast.
@Suite struct HostileSQLTests {
    @Test func deeplyNestedCommentsAreRefusedInLinearTime() {
        let depth = 100_000
        let start = Date()
        let text = String(repeating: "/*", count: depth) + " x " + String(repeating: "*/", count: depth) + "\nSELECT 1;\nDROP TABLE x;"
        let file = SQLParser.parseFile(Array(text.utf8))
        #expect(Date().timeIntervalSince(start) < 5, "PostgreSQL's scanner rescans the run of `/*` per level")
        #expect(file.syntaxErrors.map(\.range) == [0..<2])
        #expect(file.syntaxErrors.first?.message.contains("comment nested more than 1000 levels deep") == true)
        #expect(file.statements.count == 1, "the statement after the comment's own is still read")
    }

    @Test func commentsNestedAFewLevelsStillParse() {
        let file = SQLParser.parseFile(Array("/* a /* b */ c */ SELECT 1;".utf8))
        #expect(file.syntaxErrors.isEmpty)
        #expect(file.statements.count == 1)
    }

    @Test func anUnterminatedCommentBeforeAStatementIsAnError() {
        let text = "SELECT 2;\n/* note\nDROP TABLE users;\n"
        let file = SQLParser.parseFile(Array(text.utf8))
        #expect(file.syntaxErrors.map(\.message) == ["unterminated /* comment"])
        #expect(file.syntaxErrors.first?.range == 10..<12)
        #expect(file.statements.count == 1)
    }

    @Test func aChainTooLongForLibpgQueryIsALocatedErrorAndTheRestIsRead() {
        // Well below the crash (tens of thousands), above the limit: the guard, not libpg_query, answers.
        let chain = "SELECT 1" + String(repeating: "+1", count: StatementComplexity.limit + 10) + ";"
        let file = SQLParser.parseFile(Array("CREATE TABLE a (id int);\n\(chain)\nDROP TABLE x;\n".utf8))
        #expect(file.syntaxErrors.count == 1)
        #expect(file.syntaxErrors.first?.message.hasPrefix("statement too complex to check") == true)
        #expect(file.statements.count == 2)
    }
}

@Suite struct SQLEncodingTests {
    @Test func invalidUTF8IsALocatedError() {
        let bytes = Array("SELECT 1; -- caf".utf8) + [0xE9] + Array("\nSELECT 2;\n".utf8)
        let file = SQLParser.parseFile(bytes)
        #expect(file.syntaxErrors.map(\.message) == ["invalid byte sequence for encoding \"UTF8\": 0xe9"])
        #expect(file.syntaxErrors.first?.range == 16..<17)
        #expect(file.statements.count == 2)
    }
}
