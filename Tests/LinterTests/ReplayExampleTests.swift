import Core
import Foundation
import Linter
import RuleEngine
import Replay
import Testing

/// The `replay/` catalog examples, replayed on a throwaway cluster of this suite's own: invalid examples must
/// report exactly their marked spans, valid ones nothing. Plus what only a real server shows: the statement
/// timeout and a server connection that dies mid-run.
@Suite(.serialized, .enabled(if: ThrowawayCluster.findBinaries() != nil,
                             "no PostgreSQL server binaries (initdb, postgres): install the Debian package `postgresql`"))
struct ReplayExampleTests {
    static let catalog = RuleExampleTests.catalog
    static let cases: [ExampleCase] = RuleRegistry.replayRuleIDs.flatMap { id -> [ExampleCase] in
        guard let entry = catalog[id] else { return [] }
        return entry.invalidExamples.enumerated().map { ExampleCase(ruleID: id, kind: "invalid", index: $0.offset, example: $0.element) }
            + entry.validExamples.enumerated().map { ExampleCase(ruleID: id, kind: "valid", index: $0.offset, example: $0.element) }
    }

    @Test func everyReplayRuleHasExamples() {
        for id in RuleRegistry.replayRuleIDs {
            #expect(!(Self.catalog[id]?.invalidExamples.isEmpty ?? true), "\(id) has no invalid example")
            #expect(!(Self.catalog[id]?.validExamples.isEmpty ?? true), "\(id) has no valid example")
        }
    }

    @Test(arguments: cases)
    func exampleReportsExactlyItsMarkedSpans(_ example: ExampleCase) throws {
        var files: [String: [UInt8]] = [:]
        var expected: [String] = []
        for (path, text) in example.example.files {
            let (bytes, spans) = Markers.strip(Array(text.utf8))
            files[path] = bytes
            expected += spans.map { "\(path)@\($0)" }
        }
        let report = try Self.replay(files, traceLocks: example.ruleID == Replayer.tracedLock)
        let found = report.findings.map(\.finding).filter { $0.ruleID == example.ruleID }
        #expect(found.map { "\($0.path)@\($0.range)" }.sorted() == expected.sorted(), "\(example): \(found.map(\.message))")
        for finding in found {
            #expect(MessageStyle.violations(finding.message).isEmpty, "\(finding.message)")
            #expect(MessageStyle.violations(finding.help).isEmpty, "\(finding.help)")
        }
    }

    @Test func aStatementThatRunsTooLongIsStoppedAndReported() throws {
        let report = try Self.replay(Self.folder(["0000_wait": "CREATE TABLE \"t\" (\"id\" integer);\n--> statement-breakpoint\nSELECT pg_sleep(20);"]),
                                     timeout: 0.5)
        let finding = try #require(report.findings.first?.finding)
        #expect(finding.ruleID == Replayer.applyFailed)
        #expect(finding.message.contains("0000_wait") && finding.message.contains("statement timeout"))
        #expect(report.duration < 15)
    }

    @Test func aConnectionThatDiesNamesTheMigration() throws {
        let report = try Self.replay(Self.folder([
            "0000_init": "CREATE TABLE \"t\" (\"id\" integer);",
            "0001_crash": "SELECT pg_terminate_backend(pg_backend_pid());",
        ]))
        let finding = try #require(report.findings.first?.finding)
        #expect(finding.ruleID == Replayer.applyFailed)
        #expect(finding.path == "drizzle/0001_crash.sql")
        #expect(finding.message.contains("stopped while applying migration 0001_crash"))
    }

    @Test func sqlFilesTheJournalDoesNotListAreNotApplied() throws {
        var files = Self.folder(["0000_init": "CREATE TABLE \"t\" (\"id\" integer);", "0001_add": "ALTER TABLE \"t\" ADD COLUMN \"n\" integer;"])
        files["drizzle/0001_copy.sql"] = Array("ALTER TABLE \"t\" ADD COLUMN \"n\" integer;".utf8)
        #expect(try Self.replay(files).findings.isEmpty)
    }

    /// A Supabase project's folder applies on the stub (roles, auth.users, auth.uid(), storage); on a server of
    /// `--database-url` the roles the stub had to create are dropped with the databases.
    @Test func aSupabaseProjectReplaysOnTheStubAndLeavesNoRoleBehind() throws {
        var files = Self.folder(["0000_init": """
            CREATE TABLE "profiles" ("id" uuid PRIMARY KEY NOT NULL REFERENCES "auth"."users"("id"), "avatar" text);
            --> statement-breakpoint
            CREATE POLICY "profiles_owner" ON "profiles" FOR SELECT TO authenticated USING ((select auth.uid()) = "id");
            --> statement-breakpoint
            INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true);
            --> statement-breakpoint
            CREATE POLICY "avatars_read" ON storage.objects FOR SELECT TO anon USING (bucket_id = 'avatars' AND (storage.foldername(name))[1] = 'public');
            """])
        let plain = files
        files = Dictionary(uniqueKeysWithValues: files.map { ("supabase/migrations/" + $0.key.dropFirst("drizzle/".count), $0.value) })
        files["supabase/config.toml"] = Array("project_id = \"billing\"\n".utf8)
        let cluster = try ThrowawayCluster()
        defer { cluster.close() }
        let server = DatabaseOnServer(url: "host=\(cluster.socketFolder) port=5432 user=postgres dbname=postgres")
        let request = LintRequest(source: MemoryFileSource(files: files), configuration: Configuration(), configurationFile: nil, catalog: Self.catalog)
        let report = try ReplayRunner.report(request, server: server, statementTimeoutSeconds: 30)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.finding.message))")
        server.close()
        let admin = try cluster.connection(to: "postgres")
        #expect(try admin.query("SELECT rolname FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')").rows.isEmpty)
        // The same SQL outside a Supabase project: no stub, so the schema `auth` does not exist.
        let failed = try Self.replay(plain).findings.map(\.finding)
        #expect(failed.map(\.ruleID) == [Replayer.applyFailed] && failed.first?.message.contains("auth") == true, "\(failed.map(\.message))")
    }

    /// A table the generated rows do not fit (its CHECK rejects them) is traced empty, and the finding says so; a
    /// table that takes them is seeded (the rewrite's finding counts its rows).
    @Test func aTableTheRowsDoNotFitIsTracedEmptyAndTheFindingSaysSo() throws {
        let report = try Self.replay(Self.folder([
            "0000_init": """
                CREATE TABLE "plans" ("id" integer PRIMARY KEY, "code" text NOT NULL CHECK ("code" IN ('free', 'pro')));
                --> statement-breakpoint
                CREATE TABLE "users" ("id" integer PRIMARY KEY, "plan_id" integer NOT NULL REFERENCES "plans"("id"), "score" integer);
                --> statement-breakpoint
                CREATE TABLE "teams" ("id" integer PRIMARY KEY, "name" text);
                """,
            "0001_grow": """
                ALTER TABLE "plans" ALTER COLUMN "id" SET DATA TYPE bigint;
                --> statement-breakpoint
                ALTER TABLE "teams" ALTER COLUMN "id" SET DATA TYPE bigint;
                """,
        ]), traceLocks: true)
        let traced = report.findings.map(\.finding).filter { $0.ruleID == Replayer.tracedLock }
        // Three: a key's type change rebuilds the foreign keys that reference it, under ACCESS EXCLUSIVE on `users`.
        #expect(traced.count == 3, "\(traced.map(\.message))")
        #expect(traced.contains { $0.message.contains("ACCESS EXCLUSIVE lock on `users`") && !$0.message.contains("rewrites") })
        let plans = try #require(traced.first { $0.message.contains("`plans`") })
        #expect(plans.help.contains("`plans` was left empty (generated rows do not fit it") && plans.help.contains("check constraint"), "\(plans.help)")
        let teams = try #require(traced.first { $0.message.contains("`teams`") })
        #expect(teams.help.contains("5,000 generated rows in `teams`"), "\(teams.help)")
        #expect(teams.message.contains("ACCESS EXCLUSIVE") && teams.message.contains("rewrites"))
    }

    /// The whole server stops (its postmaster killed) while a migration runs: an error naming that migration, soon,
    /// and the cluster's folder still goes.
    @Test func aServerKilledMidRunIsAnErrorNamingTheMigration() throws {
        let cluster = try ThrowawayCluster()
        defer { cluster.close() }
        let pid = try #require(cluster.serverProcessID)
        let files = Self.folder([
            "0000_init": "CREATE TABLE \"t\" (\"id\" integer);",
            "0001_slow": "SELECT pg_sleep(60);",
        ])
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { kill(pid, SIGKILL) }
        let started = Date()
        let request = LintRequest(source: MemoryFileSource(files: files), configuration: Configuration(), configurationFile: nil, catalog: Self.catalog)
        let report = try ReplayRunner.report(request, server: cluster, statementTimeoutSeconds: 120)
        #expect(Date().timeIntervalSince(started) < 30, "a dead server must not be waited for")
        let finding = try #require(report.findings.first?.finding)
        #expect(finding.ruleID == Replayer.applyFailed && finding.path == "drizzle/0001_slow.sql")
        #expect(finding.message.contains("stopped while applying migration 0001_slow"), "\(finding.message)")
        cluster.close()
        #expect(!FileManager.default.fileExists(atPath: cluster.folder.path))
    }

    /// Supabase CLI and Prisma folders are replayed as their runners apply them: file by file, a Supabase file in a
    /// transaction of its own, a lone Prisma statement without one (so its CREATE INDEX CONCURRENTLY applies).
    @Test func supabaseAndPrismaFoldersApplyFileByFile() throws {
        let supabase = try Self.replay([
            "supabase/config.toml": Array("project_id = \"billing\"\n".utf8),
            "supabase/migrations/20240101000000_init.sql": Array("CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));\n".utf8),
            "supabase/migrations/20240102000000_name.sql": Array("ALTER TABLE profiles ADD COLUMN name text;\nALTER TABLE profiles ALTER COLUMN nickname SET NOT NULL;\n".utf8),
        ]).findings.map(\.finding)
        #expect(supabase.map { "\($0.ruleID) \($0.path)" } == ["replay/apply-failed supabase/migrations/20240102000000_name.sql"],
                "\(supabase.map(\.message))")
        let prisma = try Self.replay([
            "prisma/migrations/migration_lock.toml": Array("provider = \"postgresql\"\n".utf8),
            "prisma/migrations/20240101000000_init/migration.sql": Array("CREATE TABLE \"User\" (\"id\" TEXT NOT NULL, \"email\" TEXT, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n".utf8),
            "prisma/migrations/20240102000000_email/migration.sql": Array("CREATE INDEX CONCURRENTLY \"User_email_idx\" ON \"User\"(\"email\");\n".utf8),
        ]).findings.map(\.finding)
        #expect(prisma.isEmpty, "\(prisma.map(\.message))")
    }

    /// A journal folder without snapshots: only apply-failed can fire.
    static func folder(_ migrations: KeyValuePairs<String, String>) -> [String: [UInt8]] {
        let entries = migrations.enumerated().map { index, migration in
            "{ \"idx\": \(index), \"version\": \"7\", \"when\": \(1_730_419_200_000 + index), \"tag\": \"\(migration.key)\", \"breakpoints\": true }"
        }
        var files = ["drizzle/meta/_journal.json": Array("{ \"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": [\(entries.joined(separator: ", "))] }".utf8)]
        for (tag, sql) in migrations { files["drizzle/\(tag).sql"] = Array(sql.utf8) }
        return files
    }

    static func replay(_ files: [String: [UInt8]], timeout: Double = 30, traceLocks: Bool = false) throws -> Report {
        let cluster = try ThrowawayCluster()
        defer { cluster.close() }
        let request = LintRequest(source: MemoryFileSource(files: files), configuration: Configuration(), configurationFile: nil, catalog: catalog)
        return try ReplayRunner.report(request, server: cluster, statementTimeoutSeconds: timeout, traceLocks: traceLocks)
    }
}
