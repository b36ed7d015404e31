import Catalog
import Testing
@testable import SQL

@Suite struct CreateTableTests {
    @Test func columnsTypesAndConstraints() throws {
        let parsed = ParsedSQL("""
            CREATE TABLE IF NOT EXISTS "app"."users" (
            \t"id" serial PRIMARY KEY NOT NULL,
            \t"name" varchar(255) DEFAULT 'x' NOT NULL,
            \t"tags" integer[],
            \t"seen_at" timestamp with time zone,
            \t"price" numeric(10, 2),
            \t"org_id" uuid REFERENCES "public"."orgs"("id") ON DELETE cascade,
            \t"age" int GENERATED ALWAYS AS IDENTITY,
            \tCONSTRAINT "users_name_unique" UNIQUE("name"),
            \tCONSTRAINT "users_pk" PRIMARY KEY("id", "name"),
            \tCHECK (price > 0),
            \tFOREIGN KEY ("tags") REFERENCES x(y) ON UPDATE set null
            );
            """)
        #expect(parsed.file.syntaxErrors.isEmpty)
        let table = try #require(parsed.kind?.createTable)
        #expect(table.name == QualifiedName(schema: "app", name: "users"))
        #expect(table.ifNotExists)
        #expect(table.columns.map(\.name) == ["id", "name", "tags", "seen_at", "price", "org_id", "age"])
        #expect(table.columns.map(\.typeName) == ["serial", "varchar(255)", "integer[]", "timestamp with time zone",
                                                  "numeric(10,2)", "uuid", "integer"])
        #expect(table.columns.map(\.notNull) == [true, true, false, false, false, false, false])
        #expect(table.columns.map(\.hasDefault) == [false, true, false, false, false, false, false])
        #expect(table.columns[0].isPrimaryKey)
        #expect(table.columns[6].isGenerated)
        let reference = try #require(table.columns[5].references)
        #expect(reference.columns == ["org_id"])
        #expect(reference.referencedTable == QualifiedName(schema: "public", name: "orgs"))
        #expect(reference.referencedColumns == ["id"])
        #expect(reference.onDelete == .cascade)
        #expect(reference.onUpdate == .noAction)
        #expect(parsed.text(table.columns[1].range) == "\"name\" varchar(255) DEFAULT 'x' NOT NULL")
        #expect(parsed.text(table.columns[4].range) == "\"price\" numeric(10, 2)")

        #expect(table.constraints.count == 4)
        #expect(table.constraints[0].name == "users_name_unique")
        #expect(table.constraints[0].kind == .unique(columns: ["name"]))
        #expect(table.constraints[1].kind == .primaryKey(columns: ["id", "name"]))
        #expect(table.constraints[2].kind == .check(columns: ["price"]))
        #expect(parsed.text(table.constraints[2].range) == "CHECK (price > 0)")
        guard case .foreignKey(let foreignKey) = table.constraints[3].kind else {
            Issue.record("expected a foreign key")
            return
        }
        #expect(foreignKey.columns == ["tags"])
        #expect(foreignKey.onUpdate == .setNull)
        #expect(parsed.text(table.constraints[3].range) == "FOREIGN KEY (\"tags\") REFERENCES x(y) ON UPDATE set null")
    }

    @Test func typeNamesAreNormalised() throws {
        let parsed = ParsedSQL("""
            CREATE TABLE t (a int8, b character varying, c double precision, d boolean, e timestamp(3),
            f timestamptz, g char(2), h interval day, i text[][], j "public"."status", k smallint, l real, m time with time zone)
            """)
        let table = try #require(parsed.kind?.createTable)
        #expect(table.columns.map(\.typeName) == ["bigint", "varchar", "double precision", "boolean", "timestamp(3)",
                                                  "timestamp with time zone", "char(2)", "interval", "text[][]",
                                                  "public.status", "smallint", "real", "time with time zone"])
    }

    @Test func columnsThatFillExistingRows() throws {
        let parsed = ParsedSQL("CREATE TABLE t (a bigserial, b int DEFAULT 1, c int GENERATED ALWAYS AS (b * 2) STORED, d int NOT NULL, e int PRIMARY KEY)")
        let columns = try #require(parsed.kind?.createTable).columns
        #expect(columns.map(\.providesValueForExistingRows) == [true, true, true, false, false])
        #expect(columns.map(\.isSerial) == [true, false, false, false, false])
        #expect(columns.map(\.rejectsNull) == [false, false, false, true, true])
        #expect(columns.map(\.notNull) == [false, false, false, true, false])
    }

    @Test func statementRangeIsTrimmed() throws {
        let parsed = ParsedSQL("-- leading comment\n  /* block */ CREATE TABLE a (id int) ;  -- trailing\n")
        let statement = try #require(parsed.file.statements.first)
        #expect(parsed.text(statement.range) == "CREATE TABLE a (id int)")
        #expect(parsed.file.comments.map { parsed.text($0.range) } == ["-- leading comment", "/* block */", "-- trailing"])
        #expect(parsed.file.comments.map(\.style) == [.line, .block, .line])
        #expect(parsed.text(parsed.file.comments[1].contentRange) == " block ")
    }
}
