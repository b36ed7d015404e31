@testable import MigrationRules
import SQL
import SQLReplay
import Testing

/// The lock model, row by row: for each row, real SQL parsed by the SQL reader must fall under that row (at a
/// PostgreSQL version the row describes), after a setup statement that gives the schema what the row needs.
@Suite struct LockModelTests {
    /// Row id → (PostgreSQL version, setup SQL, the statement).
    static let cases: [String: (version: Int, setup: String, sql: String)] = [
        "create-index": (15, "", #"CREATE INDEX "users_email_idx" ON "users" ("email")"#),
        "create-index-concurrently": (15, "", #"CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email")"#),
        "drop-index": (15, index, #"DROP INDEX "users_email_idx""#),
        "drop-index-concurrently": (15, index, #"DROP INDEX CONCURRENTLY "users_email_idx""#),
        "reindex": (15, index, #"REINDEX INDEX "users_email_idx""#),
        "reindex-concurrently": (15, "", #"REINDEX TABLE CONCURRENTLY "users""#),
        "add-column": (15, "", #"ALTER TABLE "users" ADD COLUMN "bio" text"#),
        "add-column-foreign-key": (15, "", #"ALTER TABLE "users" ADD COLUMN "team_id" uuid REFERENCES "teams"("id")"#),
        "add-column-default-before-11": (10, "", #"ALTER TABLE "users" ADD COLUMN "plan" text DEFAULT 'free' NOT NULL"#),
        "add-column-default": (11, "", #"ALTER TABLE "users" ADD COLUMN "plan" text DEFAULT 'free' NOT NULL"#),
        "add-column-volatile": (15, "", #"ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid() NOT NULL"#),
        "alter-column-type": (15, users, #"ALTER TABLE "users" ALTER COLUMN "email" SET DATA TYPE integer USING "email"::integer"#),
        "alter-column-type-binary-coercible": (15, users, #"ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE text"#),
        "set-not-null": (15, "", #"ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL"#),
        "add-check": (15, "", #"ALTER TABLE "users" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL)"#),
        "add-check-not-valid": (15, "", #"ALTER TABLE "users" ADD CONSTRAINT "c" CHECK ("email" IS NOT NULL) NOT VALID"#),
        "add-foreign-key": (15, "", #"ALTER TABLE "users" ADD CONSTRAINT "fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id")"#),
        "add-foreign-key-not-valid": (15, "", #"ALTER TABLE "users" ADD CONSTRAINT "fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id") NOT VALID"#),
        "validate-constraint": (15, "", #"ALTER TABLE "users" VALIDATE CONSTRAINT "fk""#),
        "add-unique": (15, "", #"ALTER TABLE "users" ADD CONSTRAINT "u" UNIQUE ("email")"#),
        "add-unique-using-index": (15, "", #"ALTER TABLE "users" ADD CONSTRAINT "u" UNIQUE USING INDEX "users_email_key""#),
        "alter-table-catalog": (15, "", #"ALTER TABLE "users" ENABLE ROW LEVEL SECURITY"#),
        "drop-foreign-key": (15, foreignKey, #"ALTER TABLE "users" DROP CONSTRAINT "users_team_id_teams_id_fk""#),
        "rename": (15, "", #"ALTER TABLE "users" RENAME COLUMN "name" TO "full_name""#),
        "drop-table": (15, "", #"DROP TABLE "users""#),
        "detach-partition": (15, "", #"ALTER TABLE "events" DETACH PARTITION "events_2024""#),
        "detach-partition-concurrently": (15, "", #"ALTER TABLE "events" DETACH PARTITION "events_2024" CONCURRENTLY"#),
        "add-enum-value-before-12": (11, "", #"ALTER TYPE "status" ADD VALUE 'archived'"#),
        "add-enum-value": (12, "", #"ALTER TYPE "status" ADD VALUE 'archived'"#),
        "data-change": (15, "", #"UPDATE "users" SET "name" = lower("name")"#),
        "enable-trigger": (15, "", #"ALTER TABLE "users" DISABLE TRIGGER "users_touch""#),
        "column-planner-settings": (15, "", #"ALTER TABLE "users" ALTER COLUMN "email" SET STATISTICS 500"#),
        "storage-parameters": (15, "", #"ALTER TABLE "users" SET (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_enabled = false)"#),
        "storage-parameters-other": (15, "", #"ALTER TABLE "users" SET (fillfactor = 70, user_catalog_table = true)"#),
        "cluster-on": (15, "", #"ALTER TABLE "users" CLUSTER ON "users_pkey""#),
        "attach-partition-before-12": (11, "", #"ALTER TABLE "events" ATTACH PARTITION "events_2025" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"#),
        "attach-partition": (12, "", #"ALTER TABLE "events" ATTACH PARTITION "events_2025" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"#),
        "alter-table-relocate": (15, "", #"ALTER TABLE "users" SET UNLOGGED"#),
        "alter-table-other": (15, "", #"ALTER TABLE "users" OWNER TO "postgres""#),
        "truncate": (15, "", #"TRUNCATE TABLE "sessions""#),
        "comment": (15, "", #"COMMENT ON COLUMN "users"."email" IS 'login'"#),
        "add-exclusion": (15, "", #"ALTER TABLE "users" ADD CONSTRAINT "users_score_excl" EXCLUDE USING btree ("score" WITH =)"#),
        "create-table-foreign-key": (15, "", #"CREATE TABLE "posts" ("id" uuid PRIMARY KEY, "author" uuid REFERENCES "users"("id"))"#),
        "vacuum": (15, "", #"VACUUM ANALYZE "users""#),
        "vacuum-full": (15, "", #"VACUUM (FULL) "users""#),
        "analyze": (15, "", #"ANALYZE "users""#),
        "create-trigger": (15, "", #"CREATE TRIGGER "users_touch" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION touch()"#),
        "policy": (15, "", #"CREATE POLICY "own rows" ON "users" FOR SELECT TO authenticated USING (true)"#),
        "drop-trigger": (15, "", #"DROP TRIGGER "users_touch" ON "users""#),
        "set-schema": (15, "", #"ALTER TABLE "users" SET SCHEMA "archive""#),
        "cluster": (15, "", #"CLUSTER "users" USING "users_pkey""#),
        "cluster-all": (15, "", "CLUSTER"),
        "refresh-materialized-view": (15, "", #"REFRESH MATERIALIZED VIEW "user_counts""#),
        "refresh-materialized-view-concurrently": (15, "", #"REFRESH MATERIALIZED VIEW CONCURRENTLY "user_counts""#),
        "publication-tables": (15, "", #"ALTER PUBLICATION "supabase_realtime" ADD TABLE "public"."messages""#),
        "create-statistics": (15, "", #"CREATE STATISTICS "users_stats" (dependencies) ON "team_id", "email" FROM "users""#),
    ].merging(LockMode.allCases.map { mode in
        (LockModel.lockTableID(mode), (15, "", mode == .accessExclusive ? #"LOCK TABLE "users""# : #"LOCK TABLE "users" IN \#(mode) MODE"#))
    }, uniquingKeysWith: { first, _ in first })
    static let users = #"CREATE TABLE "users" ("id" uuid PRIMARY KEY, "email" text, "name" varchar(64))"#
    static let index = #"CREATE INDEX "users_email_idx" ON "users" ("email")"#
    static let foreignKey = #"ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id")"#

    @Test func everyRowHasACase() {
        #expect(Set(Self.cases.keys) == Set(LockModel.rows.map(\.id)))
        #expect(LockModel.rows.count == Set(LockModel.rows.map(\.id)).count, "row ids are unique")
    }

    @Test(arguments: LockModel.rows.map(\.id))
    func statementFallsUnderItsRow(_ id: String) throws {
        let test = try #require(Self.cases[id])
        let row = try #require(LockModel.row(id))
        #expect(row.versions.contains(test.version), "the case must use a version the row describes")
        #expect(row.source.hasPrefix("https://www.postgresql.org/docs/"), "every row cites the PostgreSQL documentation")
        var schema = CatalogReplay()
        for statement in SQLParser.parseFile(Array(test.setup.utf8)).statements { schema.apply(statement, path: "") }
        let file = SQLParser.parseFile(Array(test.sql.utf8))
        #expect(file.syntaxErrors.isEmpty)
        let statement = try #require(file.statements.first)
        let effects = LockModel.effects(of: statement, version: test.version, schema: schema)
        #expect(effects.map(\.row.id) == [id])
    }

    @Test func versionSelectsTheRow() {
        #expect(LockModel.versioned("add-column-default", 10) == "add-column-default-before-11")
        #expect(LockModel.versioned("add-column-default", 15) == "add-column-default")
        #expect(LockModel.versioned("add-enum-value", 11) == "add-enum-value-before-12")
        #expect(LockModel.versioned("add-enum-value", 12) == "add-enum-value")
        #expect(LockModel.versioned("attach-partition", 11) == "attach-partition-before-12")
    }

    /// A statement on several tables locks each; a comment on a function locks no table.
    @Test func everyTableAStatementNames() throws {
        func effects(_ sql: String) throws -> [String] {
            let statement = try #require(SQLParser.parseFile(Array(sql.utf8)).statements.first)
            return LockModel.effects(of: statement, version: 15, schema: CatalogReplay()).map { "\($0.row.id) \($0.table?.description ?? "-")" }
        }
        #expect(try effects(#"TRUNCATE "a", "s"."b""#) == ["truncate a", "truncate s.b"])
        #expect(try effects(#"LOCK "a", "b" IN ROW EXCLUSIVE MODE"#) == ["lock-table-row-exclusive a", "lock-table-row-exclusive b"])
        #expect(try effects(#"COMMENT ON FUNCTION "f"() IS 'x'"#) == [])
        #expect(try effects(#"ALTER TABLE "events" ATTACH PARTITION "e1" DEFAULT"#) == ["attach-partition events"])
        #expect(try effects(#"ALTER TABLE "users" RENAME CONSTRAINT "a" TO "b""#) == ["rename users"])
        #expect(try effects(#"ALTER TABLE "s"."users" SET SCHEMA "archive""#) == ["set-schema s.users"], "the table as it is named before the move")
        #expect(try effects(#"ALTER TYPE "status" SET SCHEMA "archive""#) == [], "moving a type locks no table")
        #expect(try effects(#"ALTER PUBLICATION "supabase_realtime" ADD TABLE "a", "s"."b""#) == ["publication-tables a", "publication-tables s.b"])
        #expect(try effects(#"ALTER PUBLICATION "p" ADD TABLES IN SCHEMA "s""#) == [], "the tables of a schema are not named: no claim")
        #expect(try effects("CLUSTER VERBOSE") == ["cluster-all -"], "every table clustered before: which ones is not known")
        #expect(try effects(#"CLUSTER "users""#) == ["cluster users"], "without USING: the index it was clustered on")
    }

    /// Statements that lock tables besides the one they name: the cascade of a TRUNCATE, the referenced tables of a new
    /// table; and an index rename, which locks none.
    @Test func locksOnOtherTables() throws {
        let tables = #"CREATE TABLE "teams" ("id" uuid PRIMARY KEY); CREATE TABLE "users" ("id" uuid PRIMARY KEY, "team_id" uuid REFERENCES "teams"("id")); CREATE TABLE "posts" ("id" uuid, "author" uuid, CONSTRAINT "posts_author_fk" FOREIGN KEY ("author") REFERENCES "users"("id")); CREATE INDEX "users_team_idx" ON "users" ("team_id")"#
        var schema = CatalogReplay()
        for statement in SQLParser.parseFile(Array(tables.utf8)).statements { schema.apply(statement, path: "") }
        func effects(_ sql: String) throws -> [String] {
            let statement = try #require(SQLParser.parseFile(Array(sql.utf8)).statements.first)
            return LockModel.effects(of: statement, version: 15, schema: schema).map { effect in
                "\(effect.row.id) \(effect.table?.description ?? "-")" + effect.otherTables.map { " +\($0)" }.joined()
            }
        }
        #expect(try effects(#"TRUNCATE "teams" CASCADE"#) == ["truncate teams", "truncate users", "truncate posts"])
        #expect(try effects(#"TRUNCATE "teams""#) == ["truncate teams"])
        #expect(try effects(#"CREATE TABLE "likes" ("user_id" uuid REFERENCES "users"("id"), "post_id" uuid, FOREIGN KEY ("post_id") REFERENCES "posts"("id"), FOREIGN KEY ("user_id") REFERENCES "users"("id"))"#)
                == ["create-table-foreign-key - +posts +users"])
        #expect(try effects(#"CREATE TABLE IF NOT EXISTS "users" ("id" uuid PRIMARY KEY, "team_id" uuid REFERENCES "teams"("id"))"#) == [],
                "a table that exists is not created again: nothing is locked")
        #expect(try effects(#"CREATE TABLE "solo" ("id" uuid PRIMARY KEY)"#) == [])
        #expect(try effects(#"ALTER INDEX "users_team_idx" RENAME TO "users_team_id_idx""#) == [], "renaming an index locks no table")
    }

    /// The tables besides its own that a statement locks, from the statement or from what earlier migrations made.
    @Test func otherTablesComeFromTheStatementAndTheSchema() throws {
        func others(_ setup: String, _ sql: String) throws -> [String] {
            var schema = CatalogReplay()
            for statement in SQLParser.parseFile(Array(setup.utf8)).statements { schema.apply(statement, path: "") }
            let statement = try #require(SQLParser.parseFile(Array(sql.utf8)).statements.first)
            return LockModel.effects(of: statement, version: 15, schema: schema).flatMap { $0.otherTables.map(\.description) }
        }
        let tables = #"CREATE TABLE "teams" ("id" uuid PRIMARY KEY); CREATE TABLE "users" ("id" uuid PRIMARY KEY, "team_id" uuid REFERENCES "teams"("id")); CREATE TABLE "posts" ("id" uuid, "author" uuid, CONSTRAINT "posts_author_fk" FOREIGN KEY ("author") REFERENCES "users"("id"))"#
        #expect(try others(tables, #"DROP TABLE "users" CASCADE"#) == ["posts", "teams"])
        #expect(try others(tables, #"ALTER TABLE "users" DROP CONSTRAINT "users_team_id_fkey""#) == ["teams"])
        #expect(try others(tables, #"ALTER TABLE "posts" DROP CONSTRAINT "posts_author_fk""#) == ["users"])
        #expect(try others(tables + #"; ALTER TABLE "posts" DROP CONSTRAINT "posts_author_fk""#, #"DROP TABLE "users""#) == ["teams"])
        #expect(try others(tables, #"ALTER TABLE "events" DETACH PARTITION "events_2024""#) == ["events_2024"])
        #expect(try others(tables, #"ALTER TABLE "users" ALTER COLUMN "id" SET DATA TYPE text"#) == ["posts"])
        #expect(try others(tables, #"ALTER TABLE "users" ALTER COLUMN "team_id" SET DATA TYPE text"#) == ["teams"])
        #expect(try others(tables, #"ALTER TABLE "posts" ALTER COLUMN "id" SET DATA TYPE text"#) == [])
        #expect(try others(tables + #"; ALTER TABLE "teams" RENAME TO "squads""#, #"DROP TABLE "users""#) == ["posts", "squads"])
        let unknown = try #require(SQLParser.parseFile(Array(#"ALTER TABLE "users" DROP CONSTRAINT "unknown_fk""#.utf8)).statements.first)
        #expect(LockModel.effects(of: unknown, version: 15, schema: CatalogReplay()).map(\.row.id) == ["alter-table-catalog"])
    }

    @Test func locksFollowThePostgreSQLOrder() {
        #expect(LockMode.share < LockMode.accessExclusive)
        #expect(LockMode(pgLocksMode: "ShareUpdateExclusiveLock") == .shareUpdateExclusive)
        #expect(LockMode.allCases.allSatisfy { LockMode(pgLocksMode: $0.pgLocksName) == $0 })
        #expect(LockModel.row("add-enum-value")?.lock == .exclusive, "ADD VALUE locks the type in EXCLUSIVE mode (traced)")
        #expect(LockModel.row("add-foreign-key")?.otherTableLock == .shareRowExclusive)
        #expect(LockModel.rows(forRule: "migration/set-not-null-scan").map(\.id) == ["set-not-null"])
    }
}

import Core
import Foundation
import Linter

/// docs/locks.md shows the whole lock model, generated from `LockModel.rows`
/// (`SCHEMALINT_UPDATE_GOLDEN=1 swift test --filter LockModelDocumentationTests` rewrites it).
@Suite struct LockModelDocumentationTests {
    static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/locks.md")

    @Test func docsPageShowsTheWholeModel() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let begin = "<!-- locks:begin -->\n"
        let end = "<!-- locks:end -->"
        let start = try #require(text.range(of: begin))
        let finish = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let table = LockModel.markdown(LockModel.rows)
        if ProcessInfo.processInfo.environment["SCHEMALINT_UPDATE_GOLDEN"] == "1" {
            try (text[..<start.upperBound] + table + text[finish.lowerBound...]).write(to: Self.page, atomically: false, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<finish.lowerBound]) == table, "docs/locks.md is stale: run SCHEMALINT_UPDATE_GOLDEN=1 swift test --filter LockModelDocumentationTests")
    }

    @Test func explainShowsTheRowsBehindARule() throws {
        let catalog = try RuleCatalog.builtIn.get()
        let entry = try #require(catalog["migration/set-not-null-scan"])
        let text = RuleDocumentation.markdown(for: entry)
        #expect(text.contains("## Locks"))
        #expect(text.contains(LockModel.markdown(LockModel.rows(forRule: entry.id))))
        let unrelated = try #require(catalog["migration/journal-mismatch"])
        #expect(!RuleDocumentation.markdown(for: unrelated).contains("## Locks"))
    }

    @Test func everyLockRuleReadsARowAndEveryRowNamesKnownRules() throws {
        let catalog = try RuleCatalog.builtIn.get()
        for rule in Set(LockModel.rows.flatMap(\.rules)) { #expect(catalog[rule] != nil, "\(rule) is not a rule") }
        for rule in ["concurrently-in-transaction", "table-rewrite", "set-not-null-scan", "constraint-without-not-valid",
                     "unique-constraint-blocks", "drop-index-blocks", "enum-value-used-in-same-transaction",
                     "missing-lock-timeout", "lock-held-across-statements"] {
            #expect(!LockModel.rows(forRule: "migration/" + rule).isEmpty, "\(rule) reads no row")
        }
    }
}
