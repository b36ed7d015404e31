import Catalog
import Testing
@testable import SQL

@Suite struct OtherStatementTests {
    @Test func createIndex() throws {
        let parsed = ParsedSQL("""
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "i" ON "s"."t" USING gin ("a", lower(b) DESC, (c + 1) NULLS FIRST) WHERE d IS NULL;
            CREATE INDEX ON t (a);
            """)
        let first = try #require(parsed.kinds.first?.createIndex)
        #expect(first.name == "i")
        #expect(first.table == QualifiedName(schema: "s", name: "t"))
        #expect(first.columns == [.column("a"), .expression("lower(b)"), .expression("c + 1")])
        #expect(first.unique && first.concurrently && first.ifNotExists && first.hasWhere)
        #expect(first.method == "gin")
        let second = try #require(parsed.kinds.last?.createIndex)
        #expect(second.name == nil)
        #expect(!second.unique && !second.concurrently && !second.ifNotExists && !second.hasWhere)
        #expect(second.method == "btree")
        #expect(second.columns.map(\.text) == ["a"])
    }

    @Test func drops() {
        let parsed = ParsedSQL("""
            DROP INDEX CONCURRENTLY IF EXISTS "i", s.j CASCADE;
            DROP TABLE "a", "s"."b";
            DROP TYPE "public"."status";
            DROP SCHEMA x;
            """)
        #expect(parsed.kinds == [
            .dropIndex(DropObjects(objectKind: .index, names: [QualifiedName(name: "i"), QualifiedName(schema: "s", name: "j")],
                                   ifExists: true, cascade: true, concurrently: true)),
            .dropTable(DropObjects(objectKind: .table, names: [QualifiedName(name: "a"), QualifiedName(schema: "s", name: "b")])),
            .drop(DropObjects(objectKind: .type, names: [QualifiedName(schema: "public", name: "status")])),
            .drop(DropObjects(objectKind: .schema, names: [QualifiedName(name: "x")])),
        ])
    }

    /// `DROP FUNCTION f(jsonb)` names its object with an argument list (`ObjectWithArgs`); policies, triggers and
    /// rules name their table first. None of them may come out without a name.
    @Test func dropsOfFunctionsPoliciesAndCasts() {
        let parsed = ParsedSQL("""
            DROP FUNCTION migrate_item(jsonb);
            DROP FUNCTION IF EXISTS "public"."f", g(int, text);
            DROP PROCEDURE p();
            DROP POLICY IF EXISTS "select_policy" ON storage.objects;
            DROP TRIGGER t ON "users";
            DROP CAST (text AS integer);
            DROP EXTENSION pg_trgm;
            """)
        #expect(parsed.kinds == [
            .drop(DropObjects(objectKind: .function, names: [QualifiedName(name: "migrate_item")])),
            .drop(DropObjects(objectKind: .function, names: [QualifiedName(schema: "public", name: "f"), QualifiedName(name: "g")], ifExists: true)),
            .drop(DropObjects(objectKind: .procedure, names: [QualifiedName(name: "p")])),
            .drop(DropObjects(objectKind: .policy, names: [QualifiedName(name: "select_policy")],
                              relation: QualifiedName(schema: "storage", name: "objects"), ifExists: true)),
            .drop(DropObjects(objectKind: .trigger, names: [QualifiedName(name: "t")], relation: QualifiedName(name: "users"))),
            .drop(DropObjects(objectKind: ObjectKind(rawValue: "cast"), names: [QualifiedName(name: "text AS integer")])),
            .drop(DropObjects(objectKind: ObjectKind(rawValue: "extension"), names: [QualifiedName(name: "pg_trgm")])),
        ])
    }

    @Test func createsOfFunctionsViewsAndSequences() {
        let parsed = ParsedSQL("""
            CREATE OR REPLACE FUNCTION "public".f(v jsonb) RETURNS jsonb LANGUAGE sql AS $$ SELECT v $$;
            CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;
            CREATE VIEW s.v AS SELECT 1;
            CREATE MATERIALIZED VIEW mv AS SELECT 1;
            CREATE SEQUENCE q;
            CREATE TABLE copy AS SELECT 1;
            """)
        #expect(parsed.kinds == [
            .create(CreateObject(objectKind: .function, name: QualifiedName(schema: "public", name: "f"))),
            .create(CreateObject(objectKind: .procedure, name: QualifiedName(name: "p"))),
            .create(CreateObject(objectKind: .view, name: QualifiedName(schema: "s", name: "v"))),
            .create(CreateObject(objectKind: .materializedView, name: QualifiedName(name: "mv"))),
            .create(CreateObject(objectKind: .sequence, name: QualifiedName(name: "q"))),
            .other(nodeTag: "CreateTableAsStmt"),
        ])
    }

    @Test func renames() {
        let parsed = ParsedSQL("""
            ALTER TABLE "a" RENAME TO "b";
            ALTER TABLE "s"."a" RENAME COLUMN "x" TO "y";
            ALTER TABLE a RENAME CONSTRAINT x TO y;
            ALTER INDEX "i" RENAME TO "j";
            ALTER TYPE "public"."st" RENAME TO "st2";
            """)
        #expect(parsed.kinds.compactMap(\.rename) == [
            Rename(objectKind: .table, table: QualifiedName(name: "a"), from: "a", to: "b"),
            Rename(objectKind: .column, table: QualifiedName(schema: "s", name: "a"), from: "x", to: "y"),
            Rename(objectKind: .constraint, table: QualifiedName(name: "a"), from: "x", to: "y"),
            Rename(objectKind: .index, table: QualifiedName(name: "i"), from: "i", to: "j"),
            Rename(objectKind: .type, table: nil, from: "st", to: "st2"),
        ])
    }

    @Test func enumsSchemasAndDataChanges() {
        let parsed = ParsedSQL("""
            CREATE TYPE "public"."st" AS ENUM('a', 'b');
            ALTER TYPE "st" ADD VALUE IF NOT EXISTS 'c' BEFORE 'a';
            ALTER TYPE "st" RENAME VALUE 'c' TO 'd';
            CREATE SCHEMA IF NOT EXISTS "x";
            UPDATE t SET a = 1 WHERE b;
            DELETE FROM s.t;
            INSERT INTO t (a) VALUES (1);
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            """)
        #expect(parsed.kinds == [
            .createEnum(CreateEnum(name: QualifiedName(schema: "public", name: "st"), values: ["a", "b"])),
            .alterEnum(AlterEnum(name: QualifiedName(name: "st"), change: .addValue("c", ifNotExists: true))),
            .alterEnum(AlterEnum(name: QualifiedName(name: "st"), change: .renameValue(from: "c", to: "d"))),
            .createSchema(CreateSchema(name: "x", ifNotExists: true)),
            .update(DataChange(table: QualifiedName(name: "t"), hasWhere: true)),
            .delete(DataChange(table: QualifiedName(schema: "s", name: "t"), hasWhere: false)),
            .insert(DataChange(table: QualifiedName(name: "t"), hasWhere: false)),
            .other(nodeTag: "CreateExtensionStmt"),
        ])
    }
}
