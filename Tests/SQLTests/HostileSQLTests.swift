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

    /// The fast scan (ASCII eight bytes at a time, other sequences against the standard's table) must stop where
    /// the standard library's decoder does: overlong forms, surrogates, code points above U+10FFFF, truncated
    /// sequences, at every offset of a word.
    @Test func firstInvalidByteIsWhereTheStandardDecoderStops() {
        func decoderStop(_ bytes: [UInt8]) -> Int? {
            var iterator = bytes.makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded): offset += encoded.count
                case .error: return offset
                case .emptyInput: return nil
                }
            }
        }
        let sequences: [[UInt8]] = [
            [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80],
            [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
            [0xE2, 0x28, 0xA1], [0xF0, 0x9F, 0x28, 0x80],
        ]
        for sequence in sequences {
            for prefix in 0..<10 {
                for suffix in [[], Array("x".utf8), Array("-- 0123456789".utf8)] {
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: prefix) + sequence + suffix
                    #expect(UTF8Offsets.firstInvalid(bytes) == decoderStop(bytes), "\(bytes)")
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0..<24, using: &generator)).map { _ in
                [UInt8(ascii: "a"), 0x80, 0xBF, 0xC3, 0xE0, 0xED, 0xF0, 0xF4, 0xFF, 0xA0, 0x9F, 0x90][Int.random(in: 0..<12, using: &generator)]
            }
            #expect(UTF8Offsets.firstInvalid(bytes) == decoderStop(bytes), "\(bytes)")
        }
    }
}
