import Catalog
import Core
import Linter
import RuleEngine
import SQLReplay
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
        let security = try #require(loaded.folders.first?.replay.final)
        #expect(security.definedTables.map(\.qualifiedName.description) == ["timeline_items"])
        let table = try #require(security.definedTables.first)
        #expect(table.isRLSEnabled)
        #expect(table.policies.map(\.name) == ["own items"])
        let policy = try #require(table.policies.first)
        #expect(policy.roles == ["authenticated"] && policy.command == .all)
        #expect(policy.using?.parsed?.perRowCalls.isEmpty == true)
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
        #expect(loaded.folders.first?.replay.final.definedTables.count == 1)
    }

    /// GRANT/REVOKE on tables, on all tables of a schema and as default privileges decide whether the API's roles
    /// reach a table; FORCE is kept; REVOKE from PUBLIC does not take what Supabase granted `anon` by name.
    @Test func grantsAndForceAreReplayed() throws {
        let loaded = try MigrationLint.load([
            "supabase/migrations/20240101000000_init.sql": """
                create table public.a (id int);
                create table public.b (id int);
                alter default privileges in schema public revoke all on tables from anon, authenticated;
                create table public.c (id int);
                revoke all on public.a from public;
                revoke select, insert, update, delete on public.b from anon, authenticated;
                grant select on public.c to authenticated;
                alter table public.a enable row level security;
                alter table public.a force row level security;
                """,
        ])
        let security = try #require(loaded.folders.first?.replay.final)
        let rowPrivileges: Set<String> = ["select", "insert", "update", "delete"]
        let a = try #require(security.definedTable(QualifiedName.canonical(schema: "public", name: "a")))
        #expect(a.privileges.values.contains { !$0.isDisjoint(with: rowPrivileges) } && a.isRLSForced)
        let b = try #require(security.definedTable(QualifiedName.canonical(schema: "public", name: "b")))
        #expect(b.privileges.values.allSatisfy { $0.isDisjoint(with: rowPrivileges) })
        #expect(security.definedTable(QualifiedName.canonical(schema: "public", name: "c"))?.privileges == ["anon": [], "authenticated": ["select"]])
        let findings = try Self.rlsFindings([
            "supabase/migrations/20240101000000_init.sql": """
                create table public.hidden (id int);
                revoke all on table public.hidden from anon, authenticated;
                create table public.forced (id int);
                alter table public.forced enable row level security, force row level security;
                """,
        ])
        #expect(findings.map(\.ruleID) == ["rls/enabled-without-policy"])
        #expect(findings.first?.message.contains("not even the table's owner") == true)
    }

    /// A policy (or function) PostgreSQL's parser cannot read is a located `migration/sql-syntax-error`; the tables and
    /// functions that existed then get no RLS verdict, and a Drizzle schema is not said to differ from them.
    @Test func unreadablePolicyOrFunctionIsASyntaxErrorAndNoVerdict() throws {
        let request = LintRequest(source: MemoryFileSource(texts: [
            "drizzle.config.ts": """
                import { defineConfig } from "drizzle-kit";
                export default defineConfig({ dialect: "postgresql", schema: "./schema.ts", out: "./supabase/migrations" });
                """,
            "schema.ts": """
                import { pgTable, pgPolicy, uuid } from "drizzle-orm/pg-core";
                import { sql } from "drizzle-orm";
                export const notes = pgTable("notes", { id: uuid().primaryKey() }, () => [
                  pgPolicy("read notes", { for: "select", using: sql`true` }),
                ]);
                """,
            "supabase/migrations/20240101000000_init.sql": """
                create table public.notes (id uuid primary key);
                create function public.touch() returns trigger language plpgsql security definer as $$ begin return new; end $$;
                """,
            "supabase/migrations/20240201000000_rls.sql": """
                alter table public.notes enable row level security;
                create policy "read notes" on public.notes for select using (id = = id);
                create or replace function public.touch() returns trigger language plpgsql security definer set search_path = '' as $$ begin return new; $$ end;
                """,
        ]), configuration: Configuration(), configurationFile: nil, catalog: MigrationLint.catalog)
        let findings = try Engine.run(request).findings
        let errors = findings.filter { $0.finding.ruleID == "migration/sql-syntax-error" }
        #expect(errors.map { "\($0.finding.path):\($0.start.line)" }
            == ["supabase/migrations/20240201000000_rls.sql:2", "supabase/migrations/20240201000000_rls.sql:3"])
        #expect(findings.filter { $0.finding.ruleID.hasPrefix("rls/") }.isEmpty)
    }

    /// A policy the Drizzle schema declares is judged there once, not again in the migration drizzle-kit generated.
    @Test func drizzlePolicyIsJudgedOnceAtItsSource() throws {
        let findings = try Self.rlsFindings([
            "drizzle.config.ts": """
                import { defineConfig } from "drizzle-kit";
                export default defineConfig({ dialect: "postgresql", schema: "./schema.ts", out: "./supabase/migrations" });
                """,
            "schema.ts": """
                import { pgTable, pgPolicy, uuid } from "drizzle-orm/pg-core";
                import { sql } from "drizzle-orm";
                import { authenticatedRole } from "drizzle-orm/supabase";
                export const notes = pgTable("notes", { id: uuid().primaryKey(), owner: uuid() }, (t) => [
                  pgPolicy("own notes", { to: authenticatedRole, using: sql`${t.owner} = auth.uid()` }),
                ]);
                """,
            "supabase/migrations/20240101000000_init.sql": """
                create table public.notes (id uuid primary key, owner uuid);
                alter table public.notes enable row level security;
                create policy "own notes" on public.notes to authenticated using (owner = auth.uid());
                """,
        ])
        #expect(findings.map(\.ruleID) == ["rls/auth-call-per-row"])
        #expect(findings.first?.path == "schema.ts")
    }

    /// The Supabase CLI applies the folder, so advice names it (its per-file transaction, `supabase migration new`),
    /// never drizzle-kit or drizzle's migrator.
    @Test func adviceNamesTheSupabaseCLI() throws {
        let request = LintRequest(source: MemoryFileSource(texts: [
            "supabase/migrations/20240101000000_init.sql": """
                create table public.orders (id bigint primary key, status text, total int);
                create index orders_total on public.orders (total);
                create type public.state as enum ('a');
                """,
            "supabase/migrations/20240201000000_change.sql": """
                create index orders_status on public.orders (status);
                drop index public.orders_total;
                alter table public.orders add constraint total_positive check (total > 0);
                alter table public.orders alter column status set not null;
                alter table public.orders add constraint orders_status_key unique (status);
                alter type public.state add value 'b';
                create index concurrently orders_id on public.orders (id);
                select 'b'::public.state from public.orders;
                alter table public.orders add column code uuid default gen_random_uuid();
                select from;
                """,
        ]), configuration: Configuration(), configurationFile: nil, catalog: MigrationLint.catalog)
        let findings = try Engine.run(request).findings.map(\.finding).filter { $0.ruleID.hasPrefix("migration/") }
        #expect(Set(findings.map(\.ruleID)).isSuperset(of: [
            "migration/unsafe-index-creation", "migration/drop-index-blocks", "migration/constraint-without-not-valid",
            "migration/set-not-null-scan", "migration/unique-constraint-blocks", "migration/missing-lock-timeout",
            "migration/concurrently-in-transaction", "migration/sql-syntax-error",
        ]))
        for finding in findings {
            #expect(!(finding.message + " " + finding.help).lowercased().contains("drizzle"), "\(finding.ruleID): \(finding.help)")
        }
        #expect(findings.contains { $0.help.contains("supabase migration new") })
    }

    /// drizzle-kit with `migrations: { prefix: "supabase" }` writes `<timestamp>_<name>.sql` into `supabase/migrations`
    /// and names snapshots by `idx` (`meta/0000_snapshot.json`); the Supabase CLI applies the folder, hand-written
    /// files (`supabase db diff`) included, each file as one transaction.
    @Test func drizzleWithTheSupabasePrefixIsAppliedByTheCLI() throws {
        let snapshot = #"{"id":"11111111-1111-4111-8111-111111111111","prevId":"00000000-0000-0000-0000-000000000000","version":"7","dialect":"postgresql","tables":{"public.boards":{"name":"boards","schema":"","columns":{"id":{"name":"id","type":"uuid","primaryKey":true,"notNull":true}},"indexes":{},"foreignKeys":{},"compositePrimaryKeys":{},"uniqueConstraints":{},"policies":{},"checkConstraints":{},"isRLSEnabled":false}},"enums":{},"schemas":{},"sequences":{},"roles":{},"policies":{},"views":{},"_meta":{"columns":{},"schemas":{},"tables":{}}}"#
        let request = LintRequest(source: MemoryFileSource(texts: [
            "supabase/migrations/meta/_journal.json": #"{"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1717518541801,"tag":"20240604162900_init","breakpoints":true}]}"#,
            "supabase/migrations/meta/0000_snapshot.json": snapshot,
            "supabase/migrations/20240604162900_init.sql": #"CREATE TABLE "boards" ("id" uuid PRIMARY KEY NOT NULL);"#,
            "supabase/migrations/20240604163441_add_rls_to_boards.sql": """
                alter table "public"."boards" enable row level security;
                create policy "own boards" on "public"."boards" to authenticated using (true);
                """,
        ]), configuration: Configuration(), configurationFile: nil, catalog: MigrationLint.catalog)
        let findings = try Engine.run(request).findings.map(\.finding)
        #expect(!findings.contains { $0.ruleID == "migration/journal-mismatch" })
        let timeout = try #require(findings.first { $0.ruleID == "migration/missing-lock-timeout" })
        #expect(timeout.message.contains("until this migration's transaction commits"))
        #expect(findings.contains { $0.ruleID == "rls/always-true" })
    }
}
