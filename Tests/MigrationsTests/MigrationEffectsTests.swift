import ProjectModel
import Testing

/// Indexes and trigger-maintained columns as the migrations leave them, in applied order.
@Suite struct MigrationEffectsTests {
    static func effects(_ scripts: [(tag: String, sql: String)]) throws -> MigrationEffects {
        var texts = ["drizzle/meta/_journal.json": MigrationLint.journal(scripts.map(\.tag))]
        for script in scripts { texts["drizzle/\(script.tag).sql"] = script.sql }
        return MigrationEffects(try MigrationLint.load(texts).folders)
    }

    @Test func indexesLaterDroppedOrOnDroppedTablesDoNotCount() throws {
        let effects = try Self.effects([
            ("0000_init", """
                CREATE INDEX "notes_owner_idx" ON "notes" ("owner_id", "created_at");
                --> statement-breakpoint
                CREATE INDEX ON "app"."tags" ("label");
                --> statement-breakpoint
                CREATE INDEX "drafts_owner_idx" ON "drafts" ("owner_id");
                --> statement-breakpoint
                ALTER TABLE "notes" ADD CONSTRAINT "notes_slug_key" UNIQUE ("slug", "owner_id");
                --> statement-breakpoint
                CREATE INDEX "notes_title_idx" ON "notes" (lower("title"));
                """),
            ("0001_cleanup", """
                DROP INDEX IF EXISTS "public"."drafts_owner_idx";
                --> statement-breakpoint
                ALTER TABLE "notes" DROP CONSTRAINT "notes_slug_key";
                --> statement-breakpoint
                DROP TABLE "app"."tags";
                """),
        ])
        #expect(effects.indexLeadingColumns == ["public.notes": ["owner_id"]])
    }

    @Test func triggersResolveTheirFunctionsLatestDefinition() throws {
        let effects = try Self.effects([
            ("0000_triggers", """
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                --> statement-breakpoint
                CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch();
                --> statement-breakpoint
                CREATE TRIGGER tags_touch BEFORE UPDATE ON tags FOR EACH ROW EXECUTE PROCEDURE moddatetime(changed_at);
                --> statement-breakpoint
                CREATE TRIGGER drafts_touch BEFORE UPDATE ON drafts FOR EACH ROW EXECUTE PROCEDURE moddatetime(updated_at);
                """),
            ("0001_fix", """
                CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
                --> statement-breakpoint
                DROP TRIGGER drafts_touch ON drafts;
                """),
        ])
        #expect(effects.triggerMaintainedColumns == ["public.notes": ["updated_at"], "public.tags": ["changed_at"]])
    }
    /// Each folder is its own database: a key one folder drops stays dropped there though another folder (a second
    /// database with a table of the same name) keeps a key of that name.
    @Test func aKeyDroppedInOneFolderIsDroppedThoughAnotherFolderKeepsItsNamesake() throws {
        let create = """
            CREATE TABLE "owners" ("id" integer PRIMARY KEY);
            --> statement-breakpoint
            CREATE TABLE "jobs" ("id" integer PRIMARY KEY, "owner_id" integer);
            --> statement-breakpoint
            ALTER TABLE "jobs" ADD CONSTRAINT "jobs_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "owners"("id");
            """
        let texts = [
            "main/meta/_journal.json": MigrationLint.journal(["0000_init", "0001_drop_keys"]),
            "main/0000_init.sql": create,
            "main/0001_drop_keys.sql": #"ALTER TABLE "jobs" DROP CONSTRAINT IF EXISTS "jobs_owner_id_fkey";"#,
            "replica/meta/_journal.json": MigrationLint.journal(["0000_init"]),
            "replica/0000_init.sql": create,
        ]
        let folders = try MigrationLint.load(texts).folders
        #expect(folders.count == 2)
        let effects = MigrationEffects(folders)
        #expect(effects.dropsForeignKey("jobs_owner_id_fkey", onTable: "public.jobs", inFolder: "main"))
        #expect(!effects.dropsForeignKey("jobs_owner_id_fkey", onTable: "public.jobs", inFolder: "replica"))
        // Not knowing the folder, a key some database still has is not taken for gone.
        #expect(!effects.dropsForeignKey("jobs_owner_id_fkey", onTable: "public.jobs"))
    }
}
