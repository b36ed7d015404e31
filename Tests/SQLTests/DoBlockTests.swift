import Catalog
import Testing
@testable import SQL

@Suite struct DoBlockTests {
    static let drizzleForeignKey = """
        CREATE TABLE "a" ("id" serial PRIMARY KEY NOT NULL, "b_id" integer);
        --> statement-breakpoint
        DO $$ BEGIN
         ALTER TABLE "a" ADD CONSTRAINT "a_b_id_b_id_fk" FOREIGN KEY ("b_id") REFERENCES "public"."b"("id") ON DELETE cascade ON UPDATE no action;
        EXCEPTION
         WHEN duplicate_object THEN null;
        END $$;

        """

    @Test func drizzleForeignKeyIsNestedAndLocatedInTheFile() throws {
        let parsed = ParsedSQL(Self.drizzleForeignKey)
        #expect(parsed.file.syntaxErrors.isEmpty)
        #expect(parsed.file.statements.count == 2)
        let doStatement = parsed.file.statements[1]
        guard case .doBlock(let block) = doStatement.kind else {
            Issue.record("expected a DO block, got \(doStatement.kind)")
            return
        }
        #expect(block.language == "plpgsql")
        #expect(parsed.text(doStatement.range).hasPrefix("DO $$ BEGIN"))
        #expect(parsed.text(doStatement.range).hasSuffix("END $$"))
        let bodyRange = try #require(block.bodyRange)
        #expect(parsed.text(bodyRange).hasPrefix(" BEGIN\n ALTER TABLE"))

        #expect(doStatement.nested.count == 1)
        let nested = try #require(doStatement.nested.first)
        #expect(parsed.text(nested.range) == #"ALTER TABLE "a" ADD CONSTRAINT "a_b_id_b_id_fk" FOREIGN KEY ("b_id") REFERENCES "public"."b"("id") ON DELETE cascade ON UPDATE no action"#)
        #expect(parsed.lineAndColumn(nested.range.lowerBound) == (line: 4, column: 2))
        let alter = try #require(nested.kind.alterTable)
        guard case .addConstraint(let constraint) = try #require(alter.actions.first).kind,
              case .foreignKey(let reference) = constraint.kind else {
            Issue.record("expected a foreign key")
            return
        }
        #expect(reference.referencedTable == QualifiedName(schema: "public", name: "b"))
        #expect(parsed.text(alter.actions[0].range).hasPrefix("ADD CONSTRAINT \"a_b_id_b_id_fk\""))
        #expect(parsed.file.allStatements.count == 3)
    }

    @Test func branchesTaggedBodiesAndLiteralExecute() throws {
        let parsed = ParsedSQL("""
            DO LANGUAGE plpgsql $body$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'st') THEN
                CREATE TYPE st AS ENUM ('a');
              ELSE
                DROP TABLE old_things;
              END IF;
              EXECUTE 'CREATE INDEX i ON t (a)';
              EXECUTE 'COMMENT ON TABLE t IS ''it''''s''';
            END $body$;
            """)
        #expect(parsed.file.syntaxErrors.isEmpty)
        let nested = try #require(parsed.file.statements.first).nested
        #expect(nested.map { parsed.text($0.range) } == [
            "CREATE TYPE st AS ENUM ('a')", "DROP TABLE old_things", "CREATE INDEX i ON t (a)",
            // Escaped quotes: parsed from the unescaped text, placed at the DO statement.
            parsed.text(parsed.file.statements[0].range),
        ])
        #expect(nested.map(\.kind) == [
            .createEnum(CreateEnum(name: QualifiedName(name: "st"), values: ["a"])),
            .dropTable(DropObjects(objectKind: .table, names: [QualifiedName(name: "old_things")])),
            .createIndex(CreateIndex(name: "i", table: QualifiedName(name: "t"), columns: [.column("a")])),
            .comment(objectKind: .table, relation: QualifiedName(name: "t")),
        ])
    }

    @Test func otherLanguagesAreNotParsed() throws {
        let parsed = ParsedSQL("DO LANGUAGE plv8 $$ plv8.execute('DROP TABLE x') $$")
        #expect(parsed.file.syntaxErrors.isEmpty)
        #expect(try #require(parsed.file.statements.first).nested.isEmpty)
    }

    @Test func syntaxErrorInsideTheBodyIsLocated() throws {
        let parsed = ParsedSQL("SELECT 1;\nDO $$ BEGIN\n  ALTER TABLE a ADDD CONSTRAINT x CHECK (true);\nEND $$;\nSELECT 2;")
        #expect(parsed.file.statements.count == 3)
        let error = try #require(parsed.file.syntaxErrors.first)
        #expect(error.message == #"syntax error at or near "ADDD""#)
        #expect(parsed.text(error.range) == "ADDD")
        #expect(parsed.lineAndColumn(error.range.lowerBound) == (line: 3, column: 17))
    }
}
