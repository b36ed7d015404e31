import Core
import Linter
import RuleEngine
import Testing

/// The unreadable-input policy of docs/DESIGN.md, reader by reader: a file whose bytes cannot be had is exit 2
/// naming it, whichever reader wanted it; bytes that are there but cannot be read are one finding of the file's own
/// syntax rule, and nothing derived from that file is judged.
@Suite struct UnreadableInputTests {
    let catalog = RuleExampleTests.catalog

    /// One repository in which every reader has a file to read: Gist data and schema, the drizzle config, a schema
    /// importing through a `tsconfig` alias, a query file, `package.json`, application code the updated-at search
    /// reads, a drizzle-kit folder (journal, SQL, snapshot), a Prisma schema and migration with its lock file, and
    /// a Supabase project (config and migration).
    static let repository: [String: String] = [
        ".schemalint.yml": "drizzle:\n  queries: [\"src/queries/**/*.ts\"]\n",
        "gists/plan.json": #"{ "$schema": "./plan.schema.json", "name": "pro" }"#,
        "gists/plan.schema.json": #"{ "type": "object", "properties": { "name": { "type": "string" } } }"#,
        "package.json": #"{ "name": "app", "private": true }"#,
        "tsconfig.json": #"{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }"#,
        "drizzle.config.ts": #"export default { dialect: "postgresql", schema: "./src/db/schema.ts", out: "./drizzle" };"#,
        "src/db/schema.ts": """
            import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
            import { audit } from "@/db/columns";

            export const users = pgTable("users", {
              id: uuid("id").primaryKey(),
              email: text("email").notNull(),
              ...audit,
            });

            """,
        "src/db/columns.ts": """
            import { timestamp } from "drizzle-orm/pg-core";

            export const audit = { updatedAt: timestamp("updated_at", { withTimezone: true }) };

            """,
        "src/queries/users.ts": """
            import { eq } from "drizzle-orm";
            import { users } from "../db/schema";

            export const byEmail = (db: any, email: string) => db.select().from(users).where(eq(users.email, email));

            """,
        "src/app/touch.ts": """
            import { users } from "../db/schema";

            export const touch = (db: any) => db.update(users).set({ updatedAt: new Date() });

            """,
        "drizzle/meta/_journal.json": #"{"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1730419200000,"tag":"0000_init","breakpoints":true}]}"#,
        "drizzle/0000_init.sql": #"CREATE TABLE "users" ("id" uuid PRIMARY KEY NOT NULL, "email" text NOT NULL, "updated_at" timestamp with time zone);"#,
        "drizzle/meta/0000_snapshot.json": #"{"id":"11111111-1111-4111-8111-111111111111","prevId":"00000000-0000-0000-0000-000000000000","version":"7","dialect":"postgresql","tables":{"public.users":{"name":"users","schema":"","columns":{"id":{"name":"id","type":"uuid","primaryKey":true,"notNull":true},"email":{"name":"email","type":"text","primaryKey":false,"notNull":true},"updated_at":{"name":"updated_at","type":"timestamp with time zone","primaryKey":false,"notNull":false}},"indexes":{},"foreignKeys":{},"compositePrimaryKeys":{},"uniqueConstraints":{}}},"enums":{},"schemas":{}}"#,
        "prisma/schema.prisma": "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Team {\n  id String @id\n}\n",
        "prisma/migrations/migration_lock.toml": "provider = \"postgresql\"\n",
        "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE \"Team\" (\"id\" TEXT NOT NULL, CONSTRAINT \"Team_pkey\" PRIMARY KEY (\"id\"));\n",
        "supabase/config.toml": "[api]\nschemas = [\"public\"]\n",
        "supabase/migrations/20240101000000_init.sql": "create table public.notes (id bigint primary key);\nalter table public.notes enable row level security;\n",
    ]

    /// Serves `files`, except that reading `failing` fails as a disk or git object would.
    struct FailingSource: FileSource {
        var files: [String: [UInt8]]
        var failing: String
        var name: String { "failing" }
        func listFiles() throws(InputError) -> [String] { files.keys.sorted() }
        func read(_ path: String) throws(InputError) -> [UInt8] {
            if path == failing { throw InputError(path: path, reason: "Input/output error") }
            guard let bytes = files[path] else { throw InputError(path: path, reason: "no such file") }
            return bytes
        }
    }

    func configuration() throws -> Configuration {
        try ConfigurationReader(catalog: catalog).read(Array(Self.repository[".schemalint.yml"]!.utf8), file: ".schemalint.yml")
    }

    func run(_ source: any FileSource) throws -> Report {
        try Engine.run(LintRequest(source: source, configuration: try configuration(), configurationFile: nil, catalog: catalog))
    }

    @Test func theRepositoryIsReadWithoutAnError() throws {
        let report = try run(MemoryFileSource(texts: Self.repository))
        let errors = report.findings.filter { $0.finding.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.finding.ruleID) \($0.finding.path): \($0.finding.message)" })")
    }

    /// Every input file, made unreadable on its own, ends the run with exit 2 naming it (SPEC §8: an input that
    /// cannot be read is an input error), never with a report that lacks it or a finding configuration can hide.
    @Test(arguments: repository.keys.filter { $0 != ".schemalint.yml" }.sorted())
    func aFileThatCannotBeReadIsAnInputErrorNamingIt(_ path: String) throws {
        let source = FailingSource(files: Self.repository.mapValues { Array($0.utf8) }, failing: path)
        #expect(throws: InputError(path: path, reason: "Input/output error")) { try run(source) }
    }

    /// Bytes that are not UTF-8, per reader: one finding of the file's own syntax rule, at the file.
    @Test(arguments: [
        ("gists/plan.json", "gist/invalid-json"),
        ("gists/plan.schema.json", "gist/invalid-json"),
        ("src/db/schema.ts", "drizzle/parse-error"),
        ("src/db/columns.ts", "drizzle/parse-error"),
        ("drizzle.config.ts", "drizzle/parse-error"),
        ("drizzle/0000_init.sql", "migration/sql-syntax-error"),
        ("drizzle/meta/_journal.json", "migration/journal-mismatch"),
        ("drizzle/meta/0000_snapshot.json", "migration/snapshot-chain-broken"),
        ("prisma/schema.prisma", "prisma/parse-error"),
        ("prisma/migrations/20240101000000_init/migration.sql", "migration/sql-syntax-error"),
        ("supabase/config.toml", "rls/disabled-in-exposed-schema"),
        ("supabase/migrations/20240101000000_init.sql", "migration/sql-syntax-error"),
    ])
    func bytesThatAreNotUTF8AreTheFilesOwnFinding(_ path: String, _ rule: String) throws {
        var files = Self.repository.mapValues { Array($0.utf8) }
        files[path] = Array("x".utf8) + [0xC3, 0x28] + (files[path] ?? [])
        let report = try run(MemoryFileSource(files: files))
        let atFile = report.findings.filter { $0.finding.path == path }
        #expect(atFile.contains { $0.finding.ruleID == rule }, "\(path): \(atFile.map { "\($0.finding.ruleID): \($0.finding.message)" })")
    }

    /// An unreadable schema file yields no schema verdict: what it declared is unknown, not missing.
    @Test func anUnreadableSchemaIsNeitherDriftNorARuleVerdict() throws {
        var files = Self.repository.mapValues { Array($0.utf8) }
        files["src/db/columns.ts"] = [0xFF] + Array("export const audit = {};".utf8)
        let rules = Set(try run(MemoryFileSource(files: files)).findings.map(\.finding.ruleID))
        #expect(!rules.contains("schema/migration-drift") && !rules.contains("schema/missing-primary-key"), "\(rules)")
    }

    /// `.schemalint.yml` is configuration: whatever is wrong with it is a usage error (SPEC §2), never a finding.
    @Test func configurationThatIsNotUTF8IsAUsageError() {
        #expect(throws: (any Error).self) {
            try ConfigurationReader(catalog: catalog).read([0x72, 0x75, 0x6C, 0x65, 0x73, 0x3A, 0x20, 0xFF, 0x0A], file: ".schemalint.yml")
        }
    }

    /// A file the run only probes for (the lock file beside Prisma migrations) is absent, not unreadable.
    @Test func anOptionalFileThatIsNotThereIsNoError() throws {
        var files = Self.repository.mapValues { Array($0.utf8) }
        files["prisma/migrations/migration_lock.toml"] = nil
        _ = try run(MemoryFileSource(files: files))
    }
}
