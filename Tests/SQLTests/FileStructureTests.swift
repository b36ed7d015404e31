import Testing
@testable import SQL

@Suite struct FileStructureTests {
    @Test func breakpointsSplitStatements() {
        let parsed = ParsedSQL("CREATE TABLE a (id int);--> statement-breakpoint\nCREATE INDEX i ON a (id);--> statement-breakpoint\nDROP TABLE b;")
        #expect(parsed.file.syntaxErrors.isEmpty)
        #expect(parsed.file.statements.map { parsed.text($0.range) } == ["CREATE TABLE a (id int)", "CREATE INDEX i ON a (id)", "DROP TABLE b"])
    }

    @Test func withoutBreakpointsEveryStatementIsFound() {
        let parsed = ParsedSQL("-- hand written\nBEGIN;\nCREATE TABLE a (id int);\n\nCREATE INDEX CONCURRENTLY i ON a (id);\nCOMMIT;\n")
        #expect(parsed.file.statements.map { parsed.text($0.range) } == ["BEGIN", "CREATE TABLE a (id int)", "CREATE INDEX CONCURRENTLY i ON a (id)", "COMMIT"])
    }

    @Test func positionOnLineThreeColumnOne() throws {
        let parsed = ParsedSQL("SELECT 1;\n\nCREATE TABBLE x ();\n")
        let error = try #require(parsed.file.syntaxErrors.first)
        #expect(parsed.file.syntaxErrors.count == 1)
        #expect(error.message == #"syntax error at or near "TABBLE""#)
        #expect(parsed.text(error.range) == "TABBLE")
        let statement = try #require(parsed.file.statements.first)
        #expect(parsed.lineAndColumn(statement.range.lowerBound) == (line: 1, column: 1))
        let broken = ParsedSQL("SELECT 1;\n\nCREATEE TABLE x ();\n")
        let start = try #require(broken.file.syntaxErrors.first).range.lowerBound
        #expect(broken.lineAndColumn(start) == (line: 3, column: 1))
    }

    @Test func nonASCIITextBeforeAnErrorMapsCharactersToBytes() throws {
        let parsed = ParsedSQL("-- Überprüfung für Straße 🚀\nSELECT 'äöü', '日本' FROM ;")
        let error = try #require(parsed.file.syntaxErrors.first)
        #expect(error.message == #"syntax error at or near ";""#)
        #expect(parsed.text(error.range) == ";")
        #expect(parsed.lineAndColumn(error.range.lowerBound) == (line: 2, column: 25))
    }

    @Test func oneBadStatementKeepsTheOthersWithBreakpoints() throws {
        let parsed = ParsedSQL("CREATE TABLE a (id int);\n--> statement-breakpoint\nALTER TABLE a ADD COLUMN;\n--> statement-breakpoint\nCREATE INDEX i ON a (id);")
        #expect(parsed.file.statements.count == 2)
        #expect(parsed.file.syntaxErrors.count == 1)
        #expect(parsed.text(try #require(parsed.file.syntaxErrors.first).range) == ";")
    }

    @Test func oneBadStatementKeepsTheOthersWithoutBreakpoints() throws {
        let parsed = ParsedSQL("CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN;\nCREATE INDEX i ON a (id);\nDROP TABLEE x;\nDROP TABLE y;")
        #expect(parsed.file.statements.map { parsed.text($0.range) } == ["CREATE TABLE a (id int)", "CREATE INDEX i ON a (id)", "DROP TABLE y"])
        #expect(parsed.file.syntaxErrors.map { parsed.text($0.range) } == [";", "TABLEE"])
    }

    @Test func errorAtEndOfInputPointsAtTheLastToken() throws {
        let parsed = ParsedSQL("CREATE TABLE x (\n  id int,\n")
        let error = try #require(parsed.file.syntaxErrors.first)
        #expect(error.message == "syntax error at end of input")
        #expect(parsed.text(error.range) == ",")
    }

    @Test func emptyAndCommentOnlyFiles() {
        for source in ["", "   \n\t", "-- only a comment\n/* and a block */\n", "--> statement-breakpoint\n"] {
            let parsed = ParsedSQL(source)
            #expect(parsed.file.statements.isEmpty)
            #expect(parsed.file.syntaxErrors.isEmpty)
        }
        #expect(ParsedSQL("-- a\n/* b /* nested */ */").file.comments.count == 2)
    }

    @Test func binaryGarbageIsAnErrorNotACrash() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 7, 64, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let file = SQLParser.parseFile(bytes)
            for statement in file.allStatements {
                #expect(statement.range.lowerBound >= 0 && statement.range.upperBound <= bytes.count)
            }
            for error in file.syntaxErrors {
                #expect(error.range.lowerBound >= 0 && error.range.upperBound <= bytes.count && !error.range.isEmpty)
            }
        }
        let fixed: [UInt8] = [0xFF, 0xFE, 0x00, 0x41, 0xC3, 0x28, 0x3B, 0x27]
        let file = SQLParser.parseFile(fixed)
        #expect(!file.syntaxErrors.isEmpty)
        #expect(file.syntaxErrors.contains { $0.range == 2..<3 })
    }

    @Test func unterminatedQuotesAndCommentsStayInsideTheFile() {
        for source in ["SELECT 'abc", "SELECT \"abc", "SELECT $$abc", "SELECT 1 /* abc", "DO $$ BEGIN", "DO 'BEGIN"] {
            let parsed = ParsedSQL(source)
            #expect(!parsed.file.syntaxErrors.isEmpty, "\(source)")
            for error in parsed.file.syntaxErrors {
                #expect(error.range.upperBound <= parsed.bytes.count && !error.range.isEmpty)
            }
        }
    }
}
