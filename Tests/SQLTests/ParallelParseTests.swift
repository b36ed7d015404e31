import Foundation
import Testing
import TestSupport
@testable import SQL

/// A file of many drizzle-kit pieces is parsed by several tasks at once (`SQLParser.piecesPerTask` pieces each): the
/// result must be exactly what parsing the pieces in order on one thread gives, statements, nested statements, byte
/// ranges, syntax errors (messages, ranges, order) and comments alike.
@Suite struct ParallelParseTests {
    /// Task sizes from one piece per task (most tasks, most joins) to the default.
    static let taskSizes = [1, 2, 3, 7, SQLParser.piecesPerTask]

    static func expectSameParse(_ bytes: [UInt8], _ name: String) {
        let inOrder = SQLParser.parseFile(bytes, piecesPerTask: nil)
        for size in taskSizes {
            let parallel = SQLParser.parseFile(bytes, piecesPerTask: size)
            #expect(parallel == inOrder, "\(name): \(size) pieces per task")
            #expect(parallel.allStatements.map(\.range) == inOrder.allStatements.map(\.range), "\(name): \(size) pieces per task")
        }
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Comment(rawValue: SharedFolder.missingReason)))
    func everyCorpusFileParsesTheSameInParallel() throws {
        let paths = CorpusTests.sqlFiles()
        #expect(paths.count > 100)
        var split = 0
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            if StatementBreakpoints.chunks(of: bytes).count > 1 { split += 1 }
            Self.expectSameParse(bytes, path)
        }
        // Most corpus files are drizzle-kit's, with breakpoints: the parallel path is what ran on them.
        #expect(split > 100)
    }

    /// Broken pieces between good ones: syntax errors (whole piece and one statement of several), an unterminated
    /// comment and string, a DO block whose PL/pgSQL is wrong, a NUL byte, invalid UTF-8 and a piece too deeply
    /// nested; their errors come from different tasks and must be joined in file order.
    @Test func damagedPiecesGiveTheSameErrorsInTheSameOrder() {
        var pieces: [String] = []
        for index in 0..<40 {
            pieces.append("ALTER TABLE \"t\(index)\" ADD COLUMN \"c\" integer NOT NULL;")
            switch index % 8 {
            case 0: pieces.append("CREATE TABBLE \"x\(index)\" (\"id\" serial);")
            case 1: pieces.append("CREATE INDEX \"i\(index)\" ON \"t\" (\"a\");\nSELEC 1;\nDROP TABLE \"y\(index)\";")
            case 2: pieces.append("DO $$ BEGIN\n ALTER TABLE \"t\" ADD CONSTRAINT \"f\(index)\" FOREIGN KEY (\"a\") REFERENCES \"u\"(\"id\");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;")
            case 3: pieces.append("DO $$ BEGIN IF THEN END $$;")
            case 4: pieces.append("CREATE TABLE \"z\(index)\" (\"a\" text DEFAULT 'open); /* never closed")
            case 5: pieces.append("SELECT " + String(repeating: "(", count: 2_000) + "1" + String(repeating: ")", count: 2_000) + ";")
            case 6: pieces.append("UPDATE \"t\" SET \"a\" = 'é\u{0}' WHERE \"id\" = 1;")
            default: pieces.append("-- only a comment")
            }
        }
        var bytes = Array(pieces.joined(separator: "\n--> statement-breakpoint\n").utf8)
        bytes.insert(0xFF, at: bytes.count / 2)
        let inOrder = SQLParser.parseFile(bytes, piecesPerTask: nil)
        #expect(inOrder.syntaxErrors.count > 20)
        #expect(inOrder.allStatements.count > inOrder.statements.count)
        Self.expectSameParse(bytes, "damaged")
    }

    /// Random edits of a many-piece migration (pieces removed, markers cut or added, quotes and comments opened).
    @Test func mutatedManyPieceMigrationsParseTheSameInParallel() {
        var random = SeededGenerator(seed: 0xC4A1)
        let statements = (0..<80).map { index in
            index % 3 == 0 ? "CREATE INDEX \"i\(index)\" ON \"t\(index % 7)\" USING btree (\"name\");"
                : index % 3 == 1 ? "ALTER TABLE \"t\(index % 7)\" ALTER COLUMN \"name\" SET DATA TYPE varchar(\(index + 10));"
                : "DO $$ BEGIN\n ALTER TABLE \"t\(index % 7)\" ADD CONSTRAINT \"f\(index)\" FOREIGN KEY (\"o\") REFERENCES \"u\"(\"id\");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;"
        }
        let original = Array(statements.joined(separator: "\n--> statement-breakpoint\n").utf8)
        let edits: [[UInt8]] = ["'", "\"", "$$", "/*", "--", ";", "(", "\u{0}", "--> statement-breakpoint", "SELEC"].map { Array($0.utf8) }
        for round in 0..<40 {
            Self.expectSameParse(random.mutated(original, edits: 1...6, inserting: edits, cutting: 1...30), "mutation \(round)")
        }
    }

    /// The default call takes the parallel path once a file has more pieces than one task parses.
    @Test func manyPieceFilesAreParsedInTasks() {
        let bytes = Array((0..<(SQLParser.piecesPerTask * 3)).map { "CREATE INDEX \"i\($0)\" ON \"t\" (\"a\");" }
            .joined(separator: "\n--> statement-breakpoint\n").utf8)
        #expect(StatementBreakpoints.chunks(of: bytes).count > SQLParser.piecesPerTask)
        #expect(SQLParser.parseFile(bytes) == SQLParser.parseFile(bytes, inParallel: false))
        #expect(SQLParser.parseFile(bytes).statements.count == SQLParser.piecesPerTask * 3)
    }
}
