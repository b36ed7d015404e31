import Foundation
import Testing
import TestSupport
@testable import SQL

/// `DoBlockShape` reads drizzle-kit's DO blocks without PL/pgSQL: wherever it answers, the nested statements and
/// errors must be exactly what compiling the body with PL/pgSQL gives; everything else must be left to PL/pgSQL.
@Suite struct DoBlockShapeTests {
    /// What one path makes of the first DO statement of a text.
    struct Outcome: Equatable {
        var nested: [SQLStatement]
        var errors: [SQLSyntaxError]
    }

    /// The DO statements of `bytes` as the file parser finds them (their nested statements aside).
    static func doBlocks(in bytes: [UInt8]) -> [(block: DoBlock, range: Range<Int>)] {
        var parser = FileParser(bytes: bytes)
        return parser.statements(in: 0..<bytes.count).compactMap { statement in
            guard case .doBlock(let block) = statement.kind else { return nil }
            return (block, statement.range)
        }
    }

    /// The shape's outcome (`nil` when it leaves the block to PL/pgSQL) and PL/pgSQL's.
    static func outcomes(_ bytes: [UInt8], block: DoBlock, range: Range<Int>) -> (shaped: Outcome?, compiled: Outcome) {
        var shapedParser = FileParser(bytes: bytes)
        let shaped = shapedParser.shapedNestedStatements(block: block, statementRange: range)
            .map { Outcome(nested: $0, errors: shapedParser.errors) }
        var compiledParser = FileParser(bytes: bytes)
        let body = block.bodyRange.map { Array(bytes[$0]) } ?? []
        let compiled = compiledParser.compiledNestedStatements(body: body, block: block, statementRange: range)
        return (shaped, Outcome(nested: compiled, errors: compiledParser.errors))
    }

    static func outcomes(_ sql: String) throws -> (shaped: Outcome?, compiled: Outcome) {
        let bytes = Array(sql.utf8)
        let (block, range) = try #require(doBlocks(in: bytes).first, "no DO block in \(sql)")
        return outcomes(bytes, block: block, range: range)
    }

    static let shaped: [String] = [
        """
        DO $$ BEGIN
         ALTER TABLE "a" ADD CONSTRAINT "a_b_fk" FOREIGN KEY ("b") REFERENCES "public"."b"("id") ON DELETE cascade ON UPDATE no action;
        EXCEPTION
         WHEN duplicate_object THEN null;
        END $$;
        """,
        """
        DO $$ BEGIN
         CREATE TYPE "public"."status" AS ENUM('active', 'inactive', 'it''s');
        EXCEPTION
         WHEN duplicate_object THEN null;
        END $$;
        """,
        "do $$ begin alter table a add constraint c check (x > 0); exception when DUPLICATE_OBJECT then NULL; end $$",
        "DO $$\r\nBEGIN\r\n\tALTER TABLE a DROP COLUMN b   \r\n\t;\r\nEND;\r\n$$;",
        "DO $$ BEGIN ALTER TABLE a ADD b int /* why */ ; EXCEPTION WHEN duplicate_object OR duplicate_table THEN END $$",
        "DO $$ BEGIN -- lead\n ALTER TABLE a ADD b int -- trailing\n; END $$",
        "DO $$ BEGIN CREATE INDEX i ON t (a); DROP TABLE old; COMMENT ON TABLE t IS 'END; x'; END $$",
        "DO $$ BEGIN INSERT INTO t (a) VALUES ('into'); UPDATE t SET a = 1; DELETE FROM t; END $$",
        "DO $$ BEGIN GRANT SELECT ON t TO r; REVOKE ALL ON t FROM r; END $$",
        "DO $$\nBEGIN\n  ALTER TABLE \"é\" ADD b int;\nEXCEPTION\n  WHEN others THEN NULL; NULL;\n  WHEN undefined_table THEN null;\nEND\n$$",
        "DO LANGUAGE plpgsql $$ BEGIN CREATE TYPE e AS ENUM ('a'); EXCEPTION WHEN duplicate_object THEN null; END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; ALTER TABLE a ADD b int; END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; END; -- done\n$$",
        "DO 'BEGIN ALTER TABLE a ADD b int; END'",
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'e') THEN CREATE TYPE e AS ENUM ('a'); END IF; END $$",
        """
        DO $$
        BEGIN
          IF NOT EXISTS(SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = 'r' AND n.nspname = 's') THEN
            -- make the type
            CREATE TYPE s.r AS ENUM ('owner', 'member');
          END IF;
          if exists ( select 1 from information_schema.columns where table_name = 'a' and column_name = 'b' ) then
            UPDATE "a" SET "c" = (SELECT x FROM y WHERE y.id = "a"."b");
            ALTER TABLE "a" DROP COLUMN "b";
          end if;
          ALTER TABLE "a" ADD COLUMN "d" int;
        EXCEPTION WHEN duplicate_object THEN NULL;
        END;
        $$;
        """,
    ]

    static let leftToPLpgSQL: [String] = [
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'e') THEN CREATE TYPE e AS ENUM ('a'); ELSE DROP TYPE e; END IF; END $$",
        "DO $$ BEGIN IF NOT EXISTS (SELEC 1 FROM pg_type WHERE typname = 'e') THEN CREATE TYPE e AS ENUM ('a'); END IF; END $$",
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM t) AND true THEN DROP TABLE t; END IF; END $$",
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM t WHERE a = ';') THEN DROP TABLE t; ELSIF true THEN DROP TABLE u; END IF; END $$",
        "DO $$ BEGIN IF EXISTS (SELECT 1; ) THEN DROP TABLE t; END IF; END $$",
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM t) THEN DROP TABLE t; END IF END $$",
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM t) THEN END IF; END $$",
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM t) THEN DROP TABLE t; END IF; PERFORM 1; END $$",
        "DO $$ BEGIN IF (SELECT count(*) FROM t) > 0 THEN DROP TABLE t; END IF; END $$",
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'e') THEN CREATE TYPE e AS ENUMM ('a'); END IF; END $$",
        "DO $$ DECLARE n int; BEGIN ALTER TABLE a ADD b int; END $$",
        "DO $$ BEGIN PERFORM 1; END $$",
        "DO $$ BEGIN EXECUTE 'DROP TABLE x'; END $$",
        "DO $$ <<outer>> BEGIN ALTER TABLE a ADD b int; END outer $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; END outer $$",
        "DO $$ BEGIN BEGIN ALTER TABLE a ADD b int; END; END $$",
        "DO $tag$ BEGIN ALTER TABLE a ADD b text DEFAULT $x$v$x$; END $tag$",
        "DO $$ BEGIN ALTER TABLE a ADD b text DEFAULT E'\\'END'; END $$",
        "DO $$ BEGIN SELECT 1 INTO n; END $$",
        "DO $$ BEGIN CREATE TABLE t AS SELECT 1 INTO x; END $$",
        "DO $$ BEGIN ALTER TABLE a ADDD b int; EXCEPTION WHEN duplicate_object THEN null; END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; EXCEPTION WHEN duplicate_objectx THEN null; END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; EXCEPTION WHEN SQLSTATE '42710' THEN null; END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; EXCEPTION WHEN duplicate_object THEN RAISE NOTICE 'x'; END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; EXCEPTION WHEN duplicate_object THEN null END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; END; ALTER TABLE a ADD c int; $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; $$",
        "DO $$ BEGIN ALTER /* c */ TABLE a ADD b int; END $$",
        "DO $$ BEGIN alter := 1; END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int; /* open $$",
        "DO $$ BEGIN COMMIT; END $$",
        "DO $$ BEGIN END $$",
        "DO $$ BEGIN ALTER TABLE a ADD b int\u{0B}; END $$",
    ]

    @Test(arguments: shaped)
    func shapedBlocksReadAsPLpgSQLDoes(_ sql: String) throws {
        let (shaped, compiled) = try Self.outcomes(sql)
        let outcome = try #require(shaped, "not read by the shape: \(sql)")
        #expect(outcome == compiled)
        #expect(!outcome.nested.isEmpty && outcome.errors.isEmpty)
    }

    @Test(arguments: leftToPLpgSQL)
    func otherBlocksAreLeftToPLpgSQL(_ sql: String) throws {
        let (shaped, _) = try Self.outcomes(sql)
        #expect(shaped == nil, "read by the shape: \(sql)")
    }

    /// Invalid UTF-8 would not come back byte for byte from PL/pgSQL's JSON: left to it.
    @Test func invalidUTF8IsLeftToPLpgSQL() throws {
        let bytes = Array("DO $$ BEGIN ALTER TABLE \"a".utf8) + [0xFF] + Array("\" ADD b int; END $$".utf8)
        let (block, range) = try #require(Self.doBlocks(in: bytes).first)
        #expect(Self.outcomes(bytes, block: block, range: range).shaped == nil)
    }

    /// Through the file parser, a block the shape reads and one it leaves both come out as PL/pgSQL has them.
    @Test func fileParserUsesEitherPathWithTheSameResult() throws {
        for sql in Self.shaped + Self.leftToPLpgSQL {
            let bytes = Array(sql.utf8)
            let (block, range) = try #require(Self.doBlocks(in: bytes).first)
            let compiled = Self.outcomes(bytes, block: block, range: range).compiled
            let file = SQLParser.parseFile(bytes)
            let statement = try #require(file.statements.first { $0.range == range })
            #expect(Outcome(nested: statement.nested, errors: file.syntaxErrors) == compiled, "\(sql)")
        }
    }

    /// The strongest oracle: every DO block of the shared corpus.
    @Test(.enabled(if: SharedFolder.isAvailable, Comment(rawValue: SharedFolder.missingReason)))
    func everyCorpusDoBlockReadsAsPLpgSQLDoes() throws {
        let root = try #require(SharedFolder.path("corpus"))
        let walker = try #require(FileManager.default.enumerator(atPath: root))
        let paths = walker.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            return path.hasSuffix(".sql") && FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        var blocks = 0
        var shapedBlocks = 0
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
            for (block, range) in Self.doBlocks(in: bytes) {
                blocks += 1
                let (shaped, compiled) = Self.outcomes(bytes, block: block, range: range)
                guard let shaped else { continue }
                shapedBlocks += 1
                #expect(shaped == compiled, "\(path) at \(range)")
            }
        }
        #expect(shapedBlocks > 30)
        print("DO blocks in the corpus: \(blocks), \(shapedBlocks) read by their shape")
    }
}
