import Catalog
import Testing
@testable import SQL

@Suite struct AlterTableTests {
    @Test func everyActionWithItsOwnRange() throws {
        let parsed = ParsedSQL("""
            ALTER TABLE "app"."t" ADD COLUMN "x" integer DEFAULT 0 NOT NULL, DROP COLUMN IF EXISTS "y" CASCADE,
              ALTER COLUMN "z" SET DATA TYPE text USING z::text, ALTER COLUMN "w" SET NOT NULL,
              ALTER COLUMN "w" DROP NOT NULL, ALTER COLUMN "v" SET DEFAULT now(), ALTER COLUMN v DROP DEFAULT,
              ADD CONSTRAINT "fk" FOREIGN KEY ("a") REFERENCES "public"."u"("id") ON DELETE cascade NOT VALID,
              VALIDATE CONSTRAINT "fk", DROP CONSTRAINT IF EXISTS "c", ENABLE ROW LEVEL SECURITY;
            """)
        #expect(parsed.file.syntaxErrors.isEmpty)
        let alter = try #require(parsed.kind?.alterTable)
        #expect(alter.table == QualifiedName(schema: "app", name: "t"))
        #expect(alter.objectKind == .table)
        #expect(alter.actions.count == 11)
        #expect(alter.actions.map { parsed.text($0.range) } == [
            "ADD COLUMN \"x\" integer DEFAULT 0 NOT NULL", "DROP COLUMN IF EXISTS \"y\" CASCADE",
            "ALTER COLUMN \"z\" SET DATA TYPE text USING z::text", "ALTER COLUMN \"w\" SET NOT NULL",
            "ALTER COLUMN \"w\" DROP NOT NULL", "ALTER COLUMN \"v\" SET DEFAULT now()", "ALTER COLUMN v DROP DEFAULT",
            "ADD CONSTRAINT \"fk\" FOREIGN KEY (\"a\") REFERENCES \"public\".\"u\"(\"id\") ON DELETE cascade NOT VALID",
            "VALIDATE CONSTRAINT \"fk\"", "DROP CONSTRAINT IF EXISTS \"c\"", "ENABLE ROW LEVEL SECURITY",
        ])
        guard case .addColumn(let column, let ifNotExists) = alter.actions[0].kind else {
            Issue.record("expected ADD COLUMN")
            return
        }
        #expect(!ifNotExists)
        #expect(column.name == "x" && column.typeName == "integer" && column.notNull && column.hasDefault)
        #expect(parsed.text(column.range) == "\"x\" integer DEFAULT 0 NOT NULL")
        #expect(alter.actions[1].kind == .dropColumn(name: "y", ifExists: true, cascade: true))
        #expect(alter.actions[2].kind == .alterColumnType(ColumnTypeChange(column: "z", typeName: "text", using: "z::text")))
        #expect(alter.actions[3].kind == .setNotNull(column: "w"))
        #expect(alter.actions[4].kind == .dropNotNull(column: "w"))
        #expect(alter.actions[5].kind == .setDefault(column: "v"))
        #expect(alter.actions[6].kind == .dropDefault(column: "v"))
        guard case .addConstraint(let constraint) = alter.actions[7].kind, case .foreignKey(let reference) = constraint.kind else {
            Issue.record("expected ADD CONSTRAINT … FOREIGN KEY")
            return
        }
        #expect(constraint.name == "fk")
        #expect(constraint.notValid)
        #expect(reference.columns == ["a"])
        #expect(reference.referencedTable == QualifiedName(schema: "public", name: "u"))
        #expect(reference.onDelete == .cascade)
        #expect(parsed.text(constraint.range).hasPrefix("CONSTRAINT \"fk\" FOREIGN KEY"))
        #expect(alter.actions[8].kind == .validateConstraint(name: "fk"))
        #expect(alter.actions[9].kind == .dropConstraint(name: "c", ifExists: true, cascade: false))
        #expect(alter.actions[10].kind == .rowSecurity(.enable))
    }

    /// Whether `USING` only re-reads the column decides whether the type change can skip the table rewrite.
    @Test func usingThatOnlyCastsTheColumn() throws {
        let parsed = ParsedSQL("""
            ALTER TABLE t ALTER COLUMN "a" SET DATA TYPE text, ALTER COLUMN "b" TYPE text USING "b"::text,
              ALTER COLUMN c TYPE varchar(10) USING c, ALTER COLUMN d TYPE text USING d::varchar,
              ALTER COLUMN e TYPE text USING lower(e), ALTER COLUMN f TYPE text USING g::text;
            """)
        let alter = try #require(parsed.kind?.alterTable)
        let changes = alter.actions.compactMap { action -> ColumnTypeChange? in
            if case .alterColumnType(let change) = action.kind { change } else { nil }
        }
        #expect(changes.map(\.column) == ["a", "b", "c", "d", "e", "f"])
        #expect(changes.map(\.convertsByCast) == [true, true, true, false, false, false])
        #expect(changes[1].using == #""b"::text"#)
    }

    @Test func constraintColumns() throws {
        let parsed = ParsedSQL("""
            ALTER TABLE t ADD CONSTRAINT c CHECK ((type <> 'file') OR (t.key IS NOT NULL AND url IS NOT NULL)),
              ADD CONSTRAINT e EXCLUDE USING gist (during WITH &&), ADD CONSTRAINT u UNIQUE (a, b);
            """)
        let alter = try #require(parsed.kind?.alterTable)
        let columns = alter.actions.compactMap { action -> [String]? in
            if case .addConstraint(let constraint) = action.kind { constraint.columns } else { nil }
        }
        #expect(columns == [["type", "key", "url"], ["during"], ["a", "b"]])
    }

    @Test func foreignKeyWithoutNotValidIsValid() throws {
        let parsed = ParsedSQL(#"ALTER TABLE "a" ADD CONSTRAINT "a_b_fk" FOREIGN KEY ("b_id") REFERENCES "public"."b"("id") ON DELETE no action ON UPDATE no action;"#)
        let alter = try #require(parsed.kind?.alterTable)
        guard case .addConstraint(let constraint) = try #require(alter.actions.first).kind else {
            Issue.record("expected ADD CONSTRAINT")
            return
        }
        #expect(!constraint.notValid)
        #expect(parsed.text(alter.actions[0].range).hasPrefix("ADD CONSTRAINT"))
        #expect(parsed.text(alter.actions[0].range).hasSuffix("ON UPDATE no action"))
    }

    @Test func addColumnIfNotExistsAndOnlyAndComments() throws {
        let parsed = ParsedSQL("ALTER TABLE IF EXISTS ONLY public.t /* c */ ADD COLUMN IF NOT EXISTS b text, -- why\n ADD c int")
        let alter = try #require(parsed.kind?.alterTable)
        #expect(alter.ifExists)
        #expect(alter.actions.map { parsed.text($0.range) } == ["ADD COLUMN IF NOT EXISTS b text", "ADD c int"])
        guard case .addColumn(_, let ifNotExists) = alter.actions[0].kind else {
            Issue.record("expected ADD COLUMN")
            return
        }
        #expect(ifNotExists)
    }

    @Test func alterIndexKeepsItsObjectKind() throws {
        let parsed = ParsedSQL("ALTER INDEX i SET (fillfactor = 70)")
        let alter = try #require(parsed.kind?.alterTable)
        #expect(alter.objectKind == .index)
        #expect(alter.actions.map(\.kind) == [.storageParameters(["fillfactor"])])
    }
}
