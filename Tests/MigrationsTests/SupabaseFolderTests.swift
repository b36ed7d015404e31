import Core
import Linter
import Migrations
import Testing
import TestSupport

/// Supabase migration folders: discovery, `config.toml`, order, and the replayed row-level security.
struct SupabaseFolderTests {
    static func rlsFindings(_ texts: [String: String]) throws -> [Finding] {
        let request = LintRequest(source: MemoryFileSource(texts: texts), configuration: Configuration(), configurationFile: nil,
                                  catalog: MigrationLint.catalog)
        return try Engine.run(request).findings.map(\.finding).filter { $0.ruleID.hasPrefix("rls/") }
    }

    @Test func discoveredBesideADrizzleFolderWithItsExposedSchemas() throws {
        let loaded = try MigrationLint.load([
            "drizzle/meta/_journal.json": #"{"version":"7","dialect":"postgresql","entries":[]}"#,
            "app/supabase/config.toml": """
                [api]
                enabled = true
                # comment with [brackets]
                schemas = [
                  "public", # the default
                  "api",
                ]
                extra_search_path = ["public", "extensions"]
                [db]
                schemas = ["ignored"]
                """,
            "app/supabase/migrations/20240102000000_second.sql": "create table b (id int);",
            "app/supabase/migrations/20240101000000_first.sql": "create table a (id int);",
            "app/supabase/seed.sql": "insert into a values (1);",
        ])
        let supabase = try #require(loaded.folders.first { $0.path == "app/supabase/migrations" })
        #expect(supabase.layout == .supabase)
        #expect(supabase.supabase?.exposedSchemas == ["public", "api"])
        #expect(supabase.steps.map(\.name) == ["20240101000000_first", "20240102000000_second"])
        #expect(loaded.folders.contains { $0.path == "drizzle" })
    }

    @Test func apiDisabledExposesNothingAndNoConfigMeansTheDefault() throws {
        let disabled = try MigrationLint.load([
            "supabase/config.toml": "[api]\nenabled = false\n",
            "supabase/migrations/20240101000000_init.sql": "create table a (id int);",
        ])
        #expect(disabled.folders.first?.supabase?.exposedSchemas == [])
        let bare = try MigrationLint.load(["supabase/migrations/20240101000000_init.sql": "create table a (id int);"])
        #expect(bare.folders.first?.supabase?.exposedSchemas == ["public", "graphql_public"])
    }

    @Test func replayFollowsRenamesDropsAndAlterPolicy() throws {
        let loaded = try MigrationLint.load([
            "supabase/migrations/20240101000000_init.sql": """
                create table messages (id int, user_id uuid);
                alter table messages enable row level security;
                create policy "own" on messages for all to authenticated using (user_id = auth.uid());
                create table scratch (id int);
                """,
            "supabase/migrations/20240201000000_rename.sql": """
                alter table messages rename to timeline_items;
                alter policy "own" on timeline_items rename to "own items";
                alter policy "own items" on timeline_items using (user_id = (select auth.uid()));
                drop table scratch;
                """,
        ])
        let security = try #require(loaded.folders.first?.rowSecurity)
        #expect(security.tables.keys.map(\.description).sorted() == ["timeline_items"])
        let table = try #require(security.tables.values.first)
        #expect(table.rlsEnabled)
        let policy = try #require(table.policies["own items"])
        #expect(policy.roles == ["authenticated"] && policy.command == .all)
        #expect(policy.using?.expression.perRowCalls.isEmpty == true)
    }

    /// PostgreSQL truncates identifiers to 63 bytes: a function created under a longer name and dropped under the
    /// truncated one is gone (a real pattern: a `db diff` migration drops what it reads back from the catalog).
    @Test func longFunctionNamesAreTruncatedLikePostgreSQL() throws {
        let long = "set_review_feedback_knowledge_suggestion_mappings_organization_id"
        let findings = try Self.rlsFindings([
            "supabase/migrations/20240101000000_init.sql": """
                create function public.\(long)() returns trigger language plpgsql security definer as $$ begin return new; end; $$;
                """,
            "supabase/migrations/20240201000000_diff.sql": """
                drop function if exists "public"."\(long.prefix(63))"();
                """,
        ])
        #expect(findings.isEmpty)
    }

    /// A statement the parser cannot read may have touched any table that existed: no RLS verdict about them.
    @Test func unreadableStatementLeavesEarlierTablesUnknown() throws {
        let findings = try Self.rlsFindings([
            "supabase/migrations/20240101000000_init.sql": "create table public.notes (id int);",
            "supabase/migrations/20240201000000_rls.sql": "alter table public.notes enable row level securty;",
            "supabase/migrations/20240301000000_later.sql": "create table public.later (id int);",
        ])
        #expect(findings.map(\.ruleID) == ["rls/disabled-in-exposed-schema"])
        #expect(findings.first?.path == "supabase/migrations/20240301000000_later.sql")
    }

    @Test func misnamedFileIsNotAStep() throws {
        let loaded = try MigrationLint.load([
            "supabase/migrations/20240101000000_init.sql": "create table a (id int);",
            "supabase/migrations/notes.sql": "create table b (id int);",
        ])
        #expect(loaded.folders.first?.steps.map(\.name) == ["20240101000000_init"])
        #expect(loaded.folders.first?.rowSecurity?.tables.count == 1)
    }
}
