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
        // 0003's 250 is above 0002's 200 but still below 0001's 300: the migrator skips both.
        #expect(found.map { Lint.text(of: $0, in: texts) } == ["200", "250"])
    }

    @Test func idxAndNumberPrefixMustFollowThePosition() throws {
        let journal = """
        { "version": "7", "dialect": "postgresql", "entries": [
          { "idx": 0, "when": 1, "tag": "0000_a" },
          { "idx": 5, "when": 2, "tag": "0001_b" },
          { "idx": 2, "when": 3, "tag": "0003_c" }
        ] }
        """
        let texts = ["drizzle/meta/_journal.json": journal, "drizzle/0000_a.sql": "SELECT 1;",
                     "drizzle/0001_b.sql": "SELECT 1;", "drizzle/0003_c.sql": "SELECT 1;"]
        let found = try Lint.findings(texts).of("out-of-order")
        #expect(found.map { Lint.text(of: $0, in: texts) } == ["5", "\"0003_c\""])
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

    @Test func validatingInTheSameMigrationDoesNotCount() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_init", "0001_fk"]),
            "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid, "team_id" uuid); CREATE TABLE "teams" ("id" uuid);"#,
            "drizzle/0001_fk.sql": #"ALTER TABLE "users" ADD CONSTRAINT "fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id") NOT VALID; ALTER TABLE "users" VALIDATE CONSTRAINT "fk";"#,
        ]
        #expect(try Lint.findings(texts).of("unsafe-foreign-key").count == 1)
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
