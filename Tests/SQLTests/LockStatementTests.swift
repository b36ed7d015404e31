import Catalog
import Testing
@testable import SQL

/// What the lock model reads from statements: settings, reindexes, partition detaches, volatile defaults,
/// `USING INDEX`, `CHECK (c IS NOT NULL)`, string constants and names over 63 bytes.
@Suite struct LockStatementTests {
    @Test func settingsAndReindex() {
        let parsed = ParsedSQL("""
            SET LOCAL lock_timeout = '5s';
            SET statement_timeout TO 0;
            REINDEX (CONCURRENTLY) INDEX "i";
            REINDEX TABLE s.t;
            """)
        #expect(parsed.kinds[0] == .set(SetVariable(name: "lock_timeout", isLocal: true, value: "5s")))
        #expect(parsed.kinds[1] == .set(SetVariable(name: "statement_timeout", isLocal: false, value: "0")))
        #expect(parsed.kinds[2] == .reindex(Reindex(objectKind: .index, name: QualifiedName(name: "i"), concurrently: true)))
        #expect(parsed.kinds[3] == .reindex(Reindex(objectKind: .table, name: QualifiedName(schema: "s", name: "t"), concurrently: false)))
    }

    /// The statements outside ALTER TABLE's actions that the lock model reads, each in the shapes libpg_query gives.
    @Test func setSchemaClusterRefreshStatisticsAndPublications() {
        let parsed = ParsedSQL("""
            ALTER TABLE "public"."users" SET SCHEMA "archive";
            ALTER TABLE IF EXISTS users SET SCHEMA archive;
            ALTER TYPE "public"."status" SET SCHEMA "archive";
            ALTER VIEW v SET SCHEMA archive;
            CLUSTER "users" USING "users_pkey";
            CLUSTER VERBOSE s.t;
            CLUSTER;
            REFRESH MATERIALIZED VIEW "user_counts";
            REFRESH MATERIALIZED VIEW CONCURRENTLY s.user_counts WITH DATA;
            CREATE STATISTICS IF NOT EXISTS "st" (ndistinct, dependencies) ON "a", "b" FROM "s"."users";
            CREATE STATISTICS st2 ON (lower(a)), b FROM users;
            alter publication supabase_realtime add table messages, public.rooms;
            ALTER PUBLICATION "p" DROP TABLE "s"."t";
            CREATE PUBLICATION p FOR TABLE a WHERE (a.id > 0), TABLES IN SCHEMA s;
            ALTER PUBLICATION p SET (publish = 'insert');
            """)
        #expect(parsed.kinds[0] == .setSchema(SetSchema(objectKind: .table, name: QualifiedName(schema: "public", name: "users"), newSchema: "archive")))
        #expect(parsed.kinds[1] == .setSchema(SetSchema(objectKind: .table, name: QualifiedName(name: "users"), newSchema: "archive", ifExists: true)))
        #expect(parsed.kinds[2] == .setSchema(SetSchema(objectKind: .type, name: QualifiedName(schema: "public", name: "status"), newSchema: "archive")))
        #expect(parsed.kinds[3] == .setSchema(SetSchema(objectKind: .view, name: QualifiedName(name: "v"), newSchema: "archive")))
        #expect(parsed.kinds[4] == .cluster(table: QualifiedName(name: "users")))
        #expect(parsed.kinds[5] == .cluster(table: QualifiedName(schema: "s", name: "t")))
        #expect(parsed.kinds[6] == .cluster(table: nil))
        #expect(parsed.kinds[7] == .refreshMaterializedView(name: QualifiedName(name: "user_counts"), concurrently: false))
        #expect(parsed.kinds[8] == .refreshMaterializedView(name: QualifiedName(schema: "s", name: "user_counts"), concurrently: true))
        #expect(parsed.kinds[9] == .createStatistics(tables: [QualifiedName(schema: "s", name: "users")]))
        #expect(parsed.kinds[10] == .createStatistics(tables: [QualifiedName(name: "users")]))
        #expect(parsed.kinds[11] == .publication(tables: [QualifiedName(name: "messages"), QualifiedName(schema: "public", name: "rooms")]))
        #expect(parsed.kinds[12] == .publication(tables: [QualifiedName(schema: "s", name: "t")]))
        #expect(parsed.kinds[13] == .publication(tables: [QualifiedName(name: "a")]))
        #expect(parsed.kinds[14] == .publication(tables: []))
    }

    @Test func detachPartition() throws {
        let parsed = ParsedSQL(#"ALTER TABLE "e" DETACH PARTITION "e1" CONCURRENTLY; ALTER TABLE e DETACH PARTITION e2;"#)
        guard case .alterTable(let first) = parsed.kinds[0], case .alterTable(let second) = parsed.kinds[1] else {
            Issue.record("not ALTER TABLE")
            return
        }
        #expect(first.actions.map(\.kind) == [.detachPartition(partition: QualifiedName(name: "e1"), concurrently: true)])
        #expect(second.actions.map(\.kind) == [.detachPartition(partition: QualifiedName(name: "e2"), concurrently: false)])
    }

    @Test func volatileDefaultsAndIdentity() throws {
        let parsed = ParsedSQL("""
            CREATE TABLE t (a uuid DEFAULT gen_random_uuid(), b timestamptz DEFAULT now(), c integer GENERATED ALWAYS AS IDENTITY,
              d text DEFAULT md5(random()::text), e integer GENERATED ALWAYS AS (1) STORED, f text DEFAULT my_function());
            """)
        let table = try #require(parsed.kind?.createTable)
        #expect(table.columns.map(\.hasVolatileDefault) == [true, false, false, true, false, false])
        #expect(table.columns.map(\.isIdentity) == [false, false, true, false, false, false])
        #expect(table.columns.map(\.isGenerated) == [false, false, true, false, true, false])
    }

    @Test func constraintsTheLockModelReads() {
        let parsed = ParsedSQL("""
            ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i, ADD CONSTRAINT c CHECK ("email" IS NOT NULL) NOT VALID,
              ADD CONSTRAINT d CHECK (email IS NOT NULL AND name IS NOT NULL);
            """)
        guard case .alterTable(let alter) = parsed.kind else {
            Issue.record("not ALTER TABLE")
            return
        }
        let constraints = alter.actions.compactMap { action -> TableConstraint? in
            if case .addConstraint(let constraint) = action.kind { constraint } else { nil }
        }
        #expect(constraints.map(\.usingIndex) == ["i", nil, nil])
        #expect(constraints.map(\.checksNotNull) == [nil, "email", nil])
    }

    /// The ALTER TABLE forms whose lock differs from ACCESS EXCLUSIVE, or that rewrite, each as its own kind.
    @Test func alterTableFormsTheLockModelTellsApart() throws {
        let parsed = ParsedSQL("""
            ALTER TABLE t ENABLE TRIGGER x, DISABLE TRIGGER ALL, ENABLE ALWAYS TRIGGER y, ALTER COLUMN a SET STATISTICS 100,
              ALTER COLUMN a SET (n_distinct = 5), ALTER COLUMN a RESET (n_distinct), SET (fillfactor = 70, toast.autovacuum_enabled = false),
              RESET (user_catalog_table), CLUSTER ON i, SET WITHOUT CLUSTER, SET UNLOGGED, SET TABLESPACE s, SET ACCESS METHOD heap,
              DISABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY, OWNER TO postgres;
            ALTER TABLE p ATTACH PARTITION "p1" FOR VALUES IN (1);
            """)
        let alter = try #require(parsed.kinds.first?.alterTable)
        #expect(alter.actions.map(\.kind) == [
            .enableTrigger(name: "x", enabled: true), .enableTrigger(name: nil, enabled: false), .enableTrigger(name: "y", enabled: true),
            .columnPlannerSettings(column: "a"), .columnPlannerSettings(column: "a"), .columnPlannerSettings(column: "a"),
            .storageParameters(["fillfactor", "toast.autovacuum_enabled"]), .storageParameters(["user_catalog_table"]),
            .cluster(index: "i"), .cluster(index: nil), .relocate(.unlogged), .relocate(.tablespace("s")), .relocate(.accessMethod("heap")),
            .rowSecurity(.disable), .rowSecurity(.force), .rowSecurity(.noForce), .other(subtype: "AT_ChangeOwner"),
        ])
        let attach = try #require(parsed.kinds.last?.alterTable)
        #expect(attach.actions.map(\.kind) == [.attachPartition(partition: QualifiedName(name: "p1"))])
    }

    @Test func truncateLockAndComment() {
        let parsed = ParsedSQL("""
            TRUNCATE TABLE a, s.b CASCADE;
            LOCK TABLE a, s.b IN SHARE ROW EXCLUSIVE MODE NOWAIT;
            LOCK c;
            COMMENT ON COLUMN s.t.c IS 'x';
            COMMENT ON TABLE t IS NULL;
            COMMENT ON FUNCTION f() IS 'f';
            VACUUM (FULL, ANALYZE) a, s.b;
            VACUUM;
            ANALYZE a;
            """)
        #expect(parsed.kinds == [
            .truncate(tables: [QualifiedName(name: "a"), QualifiedName(schema: "s", name: "b")], cascade: true),
            .lockTable(tables: [QualifiedName(name: "a"), QualifiedName(schema: "s", name: "b")], mode: 6),
            .lockTable(tables: [QualifiedName(name: "c")], mode: 8),
            .comment(objectKind: .column, relation: QualifiedName(schema: "s", name: "t")),
            .comment(objectKind: .table, relation: QualifiedName(name: "t")),
            .comment(objectKind: .function, relation: nil),
            .vacuum(tables: [QualifiedName(name: "a"), QualifiedName(schema: "s", name: "b")], full: true, analyzeOnly: false),
            .vacuum(tables: [], full: false, analyzeOnly: false),
            .vacuum(tables: [QualifiedName(name: "a")], full: false, analyzeOnly: true),
        ])
    }

    @Test func stringConstants() {
        let parsed = ParsedSQL(#"UPDATE "users" SET "status" = 'archived' WHERE "plan" = 'free' OR "plan" = 'archived';"#)
        #expect(parsed.file.statements.first?.stringConstants == ["archived", "free"])
    }

    @Test func longIdentifiersAsWritten() throws {
        let long = String(repeating: "a", count: 62) + "é_fk"
        let parsed = ParsedSQL(#"ALTER TABLE "t" ADD CONSTRAINT "\#(long)" FOREIGN KEY ("x") REFERENCES "p"("id"); DROP TABLE "\#(long)";"#)
        let first = try #require(parsed.file.statements.first)
        #expect(first.longIdentifiers.map(\.name) == [long])
        #expect(parsed.text(first.longIdentifiers[0].range) == "\"\(long)\"")
        // 63 bytes end inside `é`: PostgreSQL cuts before the character.
        #expect(first.longIdentifiers[0].truncated == String(repeating: "a", count: 62))
        #expect(parsed.file.statements[1].longIdentifiers.isEmpty, "only statements that name new objects are scanned")
    }
}
