import Foundation
import Core
import Testing

/// Behaviour beyond the catalog examples: ordering corner cases, DO blocks, branches, `--base` comparisons.
@Suite struct MigrationRuleTests {
    typealias Lint = MigrationLint

    @Test func whenIsComparedWithTheLatestEarlierEntryNotJustThePreviousOne() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_a", "0001_b", "0002_c", "0003_d"], when: [100, 300, 200, 250]),
            "drizzle/0000_a.sql": "SELECT 1;", "drizzle/0001_b.sql": "SELECT 1;",
            "drizzle/0002_c.sql": "SELECT 1;", "drizzle/0003_d.sql": "SELECT 1;",
        ]
        let found = try Lint.findings(texts).of("out-of-order")
        // 0003's 250 is above 0002's 200 but still below 0001's 300: the migrator skips both, for one cause, named once.
        #expect(found.map { Lint.text(of: $0, in: texts) } == ["200"])
        #expect(found.first?.message.contains("and `0003_d` after it for the same reason") == true)
    }

    @Test func eachStepBackInTimeIsOneFinding() throws {
        let tags = (0..<6).map { String(format: "%04d_m", $0) }
        var texts = ["drizzle/meta/_journal.json": Lint.journal(tags, when: [100, 200, 900, 300, 400, 350])]
        for tag in tags { texts["drizzle/\(tag).sql"] = "SELECT 1;" }
        // 300 goes back (400 is skipped with it); 350 goes back again below 400.
        #expect(try Lint.findings(texts).of("out-of-order").map { Lint.text(of: $0, in: texts) } == ["300", "350"])
    }

    /// A monorepo's journal with one entry removed gave one finding per later entry; the gap is one cause.
    @Test func oneRemovedJournalEntryIsOneFindingAtTheGap() throws {
        let texts = Self.journalFolder((0..<270).filter { $0 != 3 }.map { ($0, String(format: "%04d_m", $0)) })
        let found = try Lint.findings(texts).of("out-of-order")
        #expect(found.map { Lint.text(of: $0, in: texts) } == ["4"])
        #expect(found.first?.message.contains("`idx` 3 is missing") == true)
    }

    /// A journal of `(idx, tag)` entries with increasing `when`, and a SQL file for each tag.
    private static func journalFolder(_ entries: [(idx: Int, tag: String)]) -> [String: String] {
        let lines = entries.enumerated().map { #"  { "idx": \#($1.idx), "when": \#($0 + 1), "tag": "\#($1.tag)" }"# }
        var texts = ["drizzle/meta/_journal.json": #"{ "version": "7", "dialect": "postgresql", "entries": ["# + "\n" + lines.joined(separator: ",\n") + "\n] }"]
        for entry in entries { texts["drizzle/\(entry.tag).sql"] = "SELECT 1;" }
        return texts
    }

    @Test func aRepeatedEntryIsReportedOnce() throws {
        let texts = Self.journalFolder([(0, "0000_a"), (1, "0001_b"), (1, "0001_b"), (2, "0002_c")])
        let found = try Lint.findings(texts).of("out-of-order")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("is listed twice") == true)
    }

    @Test func idxAndNumberPrefixMustFollowThePosition() throws {
        let texts = Self.journalFolder([(0, "0000_a"), (5, "0001_b"), (2, "0003_c")])
        let found = try Lint.findings(texts).of("out-of-order")
        #expect(found.map { Lint.text(of: $0, in: texts) } == ["5", "\"0003_c\""])
    }

    @Test func prefixesRenumberedTogetherAreOneFinding() throws {
        let tags = ["0000_a", "0002_b", "0003_c", "0004_d"]
        var texts = ["drizzle/meta/_journal.json": Lint.journal(tags)]
        for tag in tags { texts["drizzle/\(tag).sql"] = "SELECT 1;" }
        #expect(try Lint.findings(texts).of("out-of-order").map { Lint.text(of: $0, in: texts) } == ["\"0002_b\""])
    }

    @Test func foreignKeyInsideADoBlockOnAnExistingTableIsFlagged() throws {
        let change = """
        DO $$ BEGIN
         ALTER TABLE "users" ADD CONSTRAINT "users_team_fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id");
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        """
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_fk"]),
            "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid, "team_id" uuid); CREATE TABLE "teams" ("id" uuid);"#,
            "drizzle/0001_fk.sql": change,
        ]
        let found = try Lint.findings(texts).of("unsafe-foreign-key")
        #expect(found.count == 1)
        #expect(found.first.map { Lint.text(of: $0, in: texts) }?.hasPrefix("ADD CONSTRAINT \"users_team_fk\"") == true)
    }

    /// drizzle-kit's migrator runs pending migrations in one transaction: the lock of `ADD CONSTRAINT` is still held
    /// when the next line validates, so the finding says that (not "no later migration validates it").
    @Test func validatingInTheSameMigrationIsReportedForTheLockItHolds() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_fk"]),
            "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid, "team_id" uuid); CREATE TABLE "teams" ("id" uuid);"#,
            "drizzle/0001_fk.sql": #"ALTER TABLE "users" ADD CONSTRAINT "fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id") NOT VALID; ALTER TABLE "users" VALIDATE CONSTRAINT "fk";"#,
        ]
        let found = try Lint.findings(texts).of("unsafe-foreign-key")
        #expect(found.map { Lint.text(of: $0, in: texts) } == [#"VALIDATE CONSTRAINT "fk""#])
        #expect(found.first?.message.contains("one transaction") == true)
        #expect(found.first?.message.contains("SHARE ROW EXCLUSIVE") == true)
        #expect(found.first?.message.contains("no later migration") == false)
    }

    /// PostgreSQL validates `ADD COLUMN … REFERENCES` only when the statement gives existing rows a value.
    @Test func addColumnWithReferencesIsReportedWhenPostgresChecksIt() throws {
        func found(_ change: String) throws -> [String] {
            let texts = [
                "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_fk"]),
                "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid); CREATE TABLE "teams" ("id" integer PRIMARY KEY);"#,
                "drizzle/0001_fk.sql": change,
            ]
            return try Lint.findings(texts).of("unsafe-foreign-key").map { Lint.text(of: $0, in: texts) }
        }
        #expect(try found(#"ALTER TABLE "users" ADD COLUMN "team_id" integer REFERENCES "teams"("id");"#).isEmpty)
        #expect(try found(#"ALTER TABLE "users" ADD COLUMN "team_id" integer DEFAULT 1 REFERENCES "teams"("id");"#)
            == [#"ADD COLUMN "team_id" integer DEFAULT 1 REFERENCES "teams"("id")"#])
        #expect(try found(#"ALTER TABLE "users" ADD COLUMN "team_id" integer REFERENCES "teams", ADD COLUMN "n" integer DEFAULT 0;"#)
            == [#"ADD COLUMN "team_id" integer REFERENCES "teams""#])
    }

    /// drizzle-kit adds a column and its foreign key in two statements; PostgreSQL checks the second one against
    /// every row, the inline form not at all, so the advice names the inline form.
    @Test func foreignKeyOnAColumnAddedInTheSameMigrationSuggestsTheInlineForm() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_fk"]),
            "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid); CREATE TABLE "teams" ("id" uuid PRIMARY KEY);"#,
            "drizzle/0001_fk.sql": #"ALTER TABLE "users" ADD COLUMN "team_id" uuid; ALTER TABLE "users" ADD CONSTRAINT "fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id");"#,
        ]
        let found = try Lint.findings(texts).of("unsafe-foreign-key")
        #expect(found.count == 1)
        #expect(found.first?.help.contains("declare it in the `ADD COLUMN` of `team_id`") == true)
    }

    @Test func tablesKnownOnlyFromThePreviousSnapshotCountAsExisting() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_pulled", "0001_index"]),
            "drizzle/meta/0000_snapshot.json": Lint.snapshot(id: "a", prevId: "", tables: ["users"]),
            "drizzle/0000_pulled.sql": "-- introspected\n",
            "drizzle/0001_index.sql": #"CREATE INDEX "users_email_idx" ON "users" ("email");"#,
        ]
        #expect(try Lint.findings(texts).of("unsafe-index-creation").count == 1)
    }

    @Test func snapshotChainFollowsJournalOrderAcrossMissingSnapshots() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_a", "0001_manual", "0002_c"]),
            "drizzle/0000_a.sql": "SELECT 1;", "drizzle/0001_manual.sql": "SELECT 1;", "drizzle/0002_c.sql": "SELECT 1;",
            "drizzle/meta/0000_snapshot.json": Lint.snapshot(id: "a", prevId: "00000000-0000-0000-0000-000000000000"),
            "drizzle/meta/0002_snapshot.json": Lint.snapshot(id: "c", prevId: "a"),
        ]
        let findings = try Lint.findings(texts)
        #expect(findings.of("snapshot-chain-broken").isEmpty)
        #expect(findings.of("journal-mismatch").map { Lint.text(of: $0, in: texts) } == ["\"0001_manual\""])
    }

    @Test func duplicateSnapshotIdsAreReported() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_a", "0001_b"]),
            "drizzle/0000_a.sql": "SELECT 1;", "drizzle/0001_b.sql": "SELECT 1;",
            "drizzle/meta/0000_snapshot.json": Lint.snapshot(id: "same", prevId: "00000000-0000-0000-0000-000000000000"),
            "drizzle/meta/0001_snapshot.json": Lint.snapshot(id: "same", prevId: "same"),
        ]
        let found = try Lint.findings(texts).of("snapshot-chain-broken")
        #expect(found.map(\.path) == ["drizzle/meta/0001_snapshot.json"])
        #expect(found.first?.message.contains("same `id`") == true)
    }

    /// Two journal entries with one number share `meta/NNNN_snapshot.json`: one file, never "the same id as" itself.
    @Test func aSnapshotSharedByTwoEntriesIsNotComparedWithItself() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_a", "0001_b", "0001_c", "0002_d"]),
            "drizzle/0000_a.sql": "SELECT 1;", "drizzle/0001_b.sql": "SELECT 1;", "drizzle/0001_c.sql": "SELECT 1;",
            "drizzle/0002_d.sql": "SELECT 1;",
            "drizzle/meta/0000_snapshot.json": Lint.snapshot(id: "a", prevId: "00000000-0000-0000-0000-000000000000"),
            "drizzle/meta/0001_snapshot.json": Lint.snapshot(id: "b", prevId: "a"),
            "drizzle/meta/0002_snapshot.json": Lint.snapshot(id: "d", prevId: "b"),
        ]
        let findings = try Lint.findings(texts)
        #expect(findings.of("snapshot-chain-broken").isEmpty, "\(findings.of("snapshot-chain-broken").map(\.message))")
        #expect(findings.of("out-of-order").map(\.path) == ["drizzle/0001_c.sql"])
    }

    @Test func stageMixingNamesDroppedFunctionsAndSkipsHelpersAndReplacements() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_backfill", "0002_cleanup", "0003_replace"]),
            "drizzle/0000_init.sql": #"CREATE TABLE "resume" ("id" uuid, "data" jsonb); CREATE FUNCTION legacy_fix(v jsonb) RETURNS jsonb LANGUAGE sql AS $$ SELECT v $$;"#,
            // The helper is created and dropped by the backfill itself: only the backfill counts.
            "drizzle/0001_backfill.sql": """
                CREATE OR REPLACE FUNCTION migrate_item(value jsonb) RETURNS jsonb LANGUAGE sql AS $$ SELECT value $$;
                UPDATE "resume" SET "data" = migrate_item("data");
                DROP FUNCTION migrate_item(jsonb);
                """,
            "drizzle/0002_cleanup.sql": #"UPDATE "resume" SET "data" = '{}'; DROP FUNCTION IF EXISTS public.legacy_fix(jsonb);"#,
            "drizzle/0003_replace.sql": #"DROP INDEX IF EXISTS "resume_data_idx"; CREATE INDEX "resume_data_idx" ON "resume" USING gin ("data");"#,
        ]
        let found = try Lint.findings(texts).of("stage-mixing")
        #expect(found.map(\.path) == ["drizzle/0002_cleanup.sql"])
        #expect(found.first?.message.hasPrefix("this migration drops function `public.legacy_fix` (stage 3, cleanup)") == true)
    }

    /// Deployed code can rely on a unique index (`ON CONFLICT`), not on a plain one; a unique index dropped while the
    /// migration indexes its table anew is replaced. A new unique index constrains existing rows like a unique constraint.
    @Test func uniqueIndexesAreStagedLikeUniqueConstraints() throws {
        func found(_ change: String) throws -> [String] {
            let texts = [
                "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_change"]),
                "drizzle/0000_init.sql": """
                    CREATE TABLE "tasks" ("id" uuid, "run" uuid, "name" text, "n" integer);
                    CREATE UNIQUE INDEX "tasks_run_name_idx" ON "tasks" ("run", "name");
                    CREATE INDEX "tasks_name_idx" ON "tasks" ("name");
                    CREATE TABLE "runs" ("id" uuid);
                    """,
                "drizzle/0001_change.sql": change,
            ]
            return try Lint.findings(texts).of("stage-mixing").map { Lint.text(of: $0, in: texts) }
        }
        #expect(try found(#"ALTER TABLE "runs" ADD COLUMN "note" text; DROP INDEX "tasks_run_name_idx";"#) == [#"DROP INDEX "tasks_run_name_idx""#])
        #expect(try found(#"ALTER TABLE "runs" ADD COLUMN "note" text; DROP INDEX "tasks_name_idx";"#).isEmpty)
        #expect(try found(#"DROP INDEX "tasks_run_name_idx"; CREATE UNIQUE INDEX "tasks_run_name_n_idx" ON "tasks" ("run", "name", "n");"#).isEmpty)
        // Removing duplicates, then a unique index on the existing rows: one data-migration step.
        #expect(try found(#"DELETE FROM "tasks" a USING "tasks" b WHERE a.ctid < b.ctid AND a.n = b.n; CREATE UNIQUE INDEX "tasks_n_idx" ON "tasks" ("n");"#).isEmpty)
        #expect(try found(#"ALTER TABLE "runs" ADD COLUMN "note" text; CREATE UNIQUE INDEX "tasks_n_idx" ON "tasks" ("n");"#)
            == [#"CREATE UNIQUE INDEX "tasks_n_idx" ON "tasks" ("n")"#])
        #expect(try found(#"ALTER TABLE "tasks" ADD COLUMN "slug" text; CREATE UNIQUE INDEX "tasks_slug_idx" ON "tasks" ("slug");"#).isEmpty)
    }

    @Test func typeChangesPostgresMakesWithoutARewriteAreNotDestructive() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_types"]),
            "drizzle/0000_init.sql": """
                CREATE TABLE "t" ("a" varchar(255), "b" varchar(16), "c" numeric(10,2), "d" numeric(10,2), "e" cidr, "f" text,
                  "g" uuid, "h" timestamp, "i" varchar(64), "j" numeric(10,2), "k" "public"."status");
                """,
            "drizzle/0001_types.sql": """
                ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE text;
                ALTER TABLE "t" ALTER COLUMN "b" SET DATA TYPE varchar(64);
                ALTER TABLE "t" ALTER COLUMN "c" SET DATA TYPE numeric(12,2);
                ALTER TABLE "t" ALTER COLUMN "d" SET DATA TYPE numeric;
                ALTER TABLE "t" ALTER COLUMN "e" SET DATA TYPE inet;
                ALTER TABLE "t" ALTER COLUMN "f" SET DATA TYPE varchar USING "f"::varchar;
                ALTER TABLE "t" ALTER COLUMN "k" SET DATA TYPE status;
                ALTER TABLE "t" ALTER COLUMN "g" SET DATA TYPE text USING "g"::text;
                ALTER TABLE "t" ALTER COLUMN "h" SET DATA TYPE timestamp with time zone;
                ALTER TABLE "t" ALTER COLUMN "i" SET DATA TYPE varchar(32);
                ALTER TABLE "t" ALTER COLUMN "j" SET DATA TYPE numeric(12,3);
                ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE varchar(10) USING left("a", 10);
                """,
        ]
        let found = try Lint.findings(texts).of("destructive-change")
        #expect(found.map { $0.message.prefix(while: { $0 != ":" }) } == [
            "column `g` of `t` changes type from `uuid` to `text`",
            "column `h` of `t` changes type from `timestamp` to `timestamp with time zone`",
            "column `i` of `t` changes type from `varchar(64)` to `varchar(32)`",
            "column `j` of `t` changes type from `numeric(10,2)` to `numeric(12,3)`",
            "column `a` of `t` changes type from `text` to `varchar(10)`",
        ])
        #expect(found[1].message.contains("unless the session's TimeZone is UTC"))
    }

    @Test func suppressionCommentsSilenceMigrationFindings() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_drop"]),
            "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid, "legacy" text);"#,
            "drizzle/0001_drop.sql": "-- schemalint-disable-next-line migration/destructive-change -- unused since v2\nALTER TABLE \"users\" DROP COLUMN \"legacy\";\n",
        ]
        #expect(try Lint.findings(texts).of("destructive-change").isEmpty)
    }

    // MARK: edited-after-merge

    private static let merged = [
        "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_email"]),
        "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid);"#,
        "drizzle/0001_email.sql": #"ALTER TABLE "users" ADD COLUMN "email" text;"#,
        "drizzle/meta/0000_snapshot.json": Lint.snapshot(id: "a", prevId: "00000000-0000-0000-0000-000000000000"),
        "drizzle/meta/0001_snapshot.json": Lint.snapshot(id: "b", prevId: "a"),
    ]

    @Test func nothingIsReportedWithoutABaseOrWithoutChanges() throws {
        #expect(try Lint.findings(Self.merged).of("edited-after-merge").isEmpty)
        #expect(try Lint.findings(Self.merged, base: Self.merged).of("edited-after-merge").isEmpty)
    }

    @Test func renumberedMigrationIsReportedAtItsNewEntry() throws {
        var current = Self.merged
        current["drizzle/meta/_journal.json"] = Lint.journal(["0000_init", "0001_teams", "0002_email"])
        current["drizzle/0001_teams.sql"] = #"CREATE TABLE "teams" ("id" uuid);"#
        current["drizzle/0002_email.sql"] = current.removeValue(forKey: "drizzle/0001_email.sql")
        let found = try Lint.findings(current, base: Self.merged).of("edited-after-merge")
        #expect(found.map { Lint.text(of: $0, in: current) }.sorted() == ["\"0001_teams\"", "\"0002_email\""])
        #expect(found.contains { $0.message.contains("renumbered to `0002_email`") })
        #expect(found.contains { $0.message.contains("new migration `0001_teams` is numbered before `0001_email`") })
    }

    @Test func removedMigrationAndEditedSnapshotAreReported() throws {
        var current = Self.merged
        current["drizzle/meta/_journal.json"] = Lint.journal(["0000_init"])
        current["drizzle/0001_email.sql"] = nil
        current["drizzle/meta/0001_snapshot.json"] = nil
        current["drizzle/meta/0000_snapshot.json"] = Lint.snapshot(id: "a", prevId: "00000000-0000-0000-0000-000000000000", tables: ["users"])
        let found = try Lint.findings(current, base: Self.merged).of("edited-after-merge")
        #expect(found.contains { $0.message.contains("`0001_email` was removed") && $0.path == "drizzle/meta/_journal.json" })
        #expect(found.contains { $0.path == "drizzle/meta/0000_snapshot.json" && $0.message.contains("snapshot of merged migration `0000_init`") })
        #expect(found.count == 2)
    }
}
