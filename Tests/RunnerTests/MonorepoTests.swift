import Core
import Foundation
import Linter
import TestSupport
import Testing

/// SPEC §1: the repository is the unit of reading, the checked path the unit of reporting. A small monorepo:
/// a db package whose config computes its schema path, a schema re-exporting a table of another workspace
/// package through its `exports` map, an app whose drizzle config names the db package's schema, and an app that
/// only uses the db package.
@Suite struct MonorepoTests {
    static func timestampTable(_ name: String) -> String {
        """
        import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
        export const \(name) = pgTable("\(name)", { id: text("id").primaryKey(), createdAt: timestamp("created_at") });
        """
    }

    static func monorepo() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("package.json", #"{ "private": true, "workspaces": ["apps/*", "packages/*"] }"#)
            try repo.write("packages/db/package.json", #"{ "name": "@acme/db", "exports": { ".": "./src/index.ts" } }"#)
            try repo.write("packages/db/drizzle.config.ts", """
                import { defineConfig } from "drizzle-kit";
                import { relative } from "node:path";
                import { fileURLToPath } from "node:url";
                export default defineConfig({
                  dialect: "postgresql",
                  schema: relative(process.cwd(), fileURLToPath(new URL("./src/schema.ts", import.meta.url))),
                });
                """)
            try repo.write("packages/db/src/index.ts", #"export * from "./schema.js";"#)
            try repo.write("packages/db/src/schema.ts", #"export * from "@acme/shared/tables";"# + "\n" + timestampTable("users"))
            try repo.write("packages/shared/package.json", """
                { "name": "@acme/shared", "exports": { "./*": { "types": "./dist/*.d.ts", "default": "./dist/*.js" } } }
                """)
            try repo.write("packages/shared/src/tables.ts", timestampTable("teams"))
            try repo.write("apps/web/drizzle.config.ts", """
                export default { dialect: "postgresql", schema: "../../packages/db/src/schema.ts" };
                """)
            try repo.write("apps/web/gists/mail.json", GistText.secret)
            try repo.write("apps/api/package.json", #"{ "name": "@acme/api" }"#)
            try repo.write("apps/api/src/index.ts", #"import { users } from "@acme/db";"#)
            try repo.commitAll("monorepo")
        }
    }

    @Test func aPackageFolderReportsWhatTheRootReportsForIt() throws {
        let repo = try Self.monorepo()
        defer { repo.remove() }
        let root = try lint(repo.root)
        let package = try lint(repo.path("packages/db"))
        let timestamps = package.summaries.filter { $0.hasPrefix("schema/timestamp-without-timezone") }
        // Both tables are read, the one behind the workspace package's `exports` (dist → src) included.
        #expect(timestamps == ["schema/timestamp-without-timezone packages/db/src/schema.ts",
                               "schema/timestamp-without-timezone packages/shared/src/tables.ts"])
        #expect(!package.summaries.contains { $0.contains("apps/web/") })
        let fromRoot = root.findings.filter { $0.finding.path.hasPrefix("packages/") }
        #expect(fromRoot.map(\.fingerprint) == package.findings.map(\.fingerprint))
    }

    /// The config's folder is the unit: an app whose config names a schema in another package reports it.
    @Test func anAppFolderReportsTheSchemaItsConfigNames() throws {
        let repo = try Self.monorepo()
        defer { repo.remove() }
        let app = try lint(repo.path("apps/web"))
        #expect(app.summaries.contains("gist/secret apps/web/gists/mail.json"))
        #expect(app.summaries.contains("schema/timestamp-without-timezone packages/db/src/schema.ts"))
        #expect(!app.summaries.contains { $0.contains("packages/db/drizzle.config.ts") })
    }

    @Test func aFolderWithoutInputsIsAUsageErrorButNotInStagedMode() throws {
        let repo = try Self.monorepo()
        defer { repo.remove() }
        let message = try #require(usageFailure(repo.path("apps/api")))
        #expect(message.hasPrefix("nothing to check in \(repo.path("apps/api"))"))
        #expect(try lint(repo.path("apps/api"), staged: true).findings.isEmpty)
    }

    /// Without a config, a Gist folder checked on its own is still found from the repository root.
    @Test func aStagedSecretIsFoundFromTheGistFolder() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/token.json", GistText.secret)
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        #expect(try lint(repo.path("gists"), staged: true).summaries == ["gist/secret gists/token.json"])
        #expect(try lint(repo.path("gists")).summaries == ["gist/secret gists/token.json"])
    }

    /// A configured schema that names no file, or files without a table, is one located error and no drift.
    @Test(arguments: ["./src/db/missing.ts", "./src/db/helpers.ts"])
    func anUnreadableConfiguredSchemaIsOneErrorAndNoDrift(_ schema: String) throws {
        let repo = try TemporaryRepository.make { repo in
            try Self.copyExample("clean", into: repo)
            try repo.write("src/db/helpers.ts", "export const retries = 3;\n")
            try repo.write("drizzle.config.ts", """
                import { defineConfig } from 'drizzle-kit';
                export default defineConfig({ dialect: 'postgresql', schema: '\(schema)', out: './drizzle' });
                """)
            try repo.commitAll("example")
        }
        defer { repo.remove() }
        let report = try lint(repo.root)
        #expect(report.summaries == ["drizzle/parse-error drizzle.config.ts"])
        let finding = try #require(report.findings.first)
        #expect(finding.sourceLine.contains("schema: '\(schema)'"))
        #expect(finding.start.column == finding.sourceLine.distance(
            from: finding.sourceLine.startIndex, to: try #require(finding.sourceLine.range(of: "'\(schema)'")).lowerBound) + 1)
        #expect(finding.finding.severity == .error)
    }

    /// A test config whose schema file holds only a comment names an empty schema, which was read: no error.
    @Test func aConfiguredSchemaOfOnlyCommentsIsEmptyNotUnreadable() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("tests/cli/schema.ts", "// mock\n")
            try repo.write("tests/cli/drizzle.config.ts", """
                import { defineConfig } from '../../src';
                export default defineConfig({ schema: './schema.ts', dialect: 'postgresql' });
                """)
            try repo.commitAll("fixture")
        }
        defer { repo.remove() }
        #expect(try lint(repo.root).summaries == [])
    }

    /// `drizzle.config` in .schemalint.yml that cannot be read stops the run (README: exit 2), without drift.
    @Test func anUnreadableConfiguredDrizzleConfigIsAUsageError() throws {
        let repo = try TemporaryRepository.make { repo in
            try Self.copyExample("clean", into: repo)
            try repo.write(".schemalint.yml", "drizzle:\n  config: db/drizzle.config.ts\n")
            try repo.commitAll("example")
        }
        defer { repo.remove() }
        let message = try #require(usageFailure(repo.root))
        #expect(message.hasPrefix("cannot read db/drizzle.config.ts"))
    }

    /// The bundled example from its Gist folder: its `.schemalint.yml` (one level up) applies, its paths are
    /// relative to the config's folder, and the folder's findings are the example's findings under it.
    @Test func theExampleFromItsGistFolder() throws {
        let example = Self.examples.appendingPathComponent("subscriptions").path
        let whole = try lint(example)
        let gists = try lint(example + "/gists")
        #expect(!gists.findings.isEmpty)
        let expected = whole.findings.filter { $0.finding.path.hasPrefix("gists/") }
        #expect(gists.findings.map(\.fingerprint) == expected.map(\.fingerprint))
        #expect(!gists.summaries.contains { $0.contains("drizzle.config.ts") })
    }

    /// A multi-dialect db package: the PostgreSQL config is not `drizzle.config.*` but what the package's scripts
    /// pass to drizzle-kit; its `casing` is a constant of another workspace package; its `schema` folder also
    /// holds a MySQL schema and a barrel that calls run-time helpers.
    @Test func aConfigNamedByAPackageScriptIsRead() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("pnpm-workspace.yaml", "packages:\n  - packages/*\n")
            try repo.write("packages/db/package.json", """
                { "name": "@acme/db", "scripts": {
                    "generate:pg": "pnpm with-env drizzle-kit generate --config ./configs/pg.config.ts && echo done",
                    "generate:mysql": "drizzle-kit generate --config=./configs/mysql.config.ts" } }
                """)
            try repo.write("packages/db/configs/pg.config.ts", """
                import { DB_CASING } from "@acme/core/constants";
                export default { dialect: "postgresql", schema: "./schema", casing: DB_CASING };
                """)
            try repo.write("packages/db/configs/mysql.config.ts", #"export default { dialect: "mysql", schema: "./schema" };"#)
            try repo.write("packages/db/schema/pg.ts", """
                import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
                export const users = pgTable("users", { id: text().primaryKey(), createdAt: timestamp() });
                """)
            try repo.write("packages/db/schema/mysql.ts", """
                import { relations } from "drizzle-orm";
                import { mysqlTable, varchar } from "drizzle-orm/mysql-core";
                export const users = mysqlTable("users", { id: varchar({ length: 64 }).primaryKey() });
                export const usersRelations = relations(users, ({ many }) => ({ users: many(users) }));
                """)
            try repo.write("packages/db/schema/index.ts", """
                import { createSchema } from "@acme/core/schema";
                import * as pg from "./pg";
                export const { users } = createSchema({ pg: () => pg });
                """)
            try repo.write("packages/core/package.json", #"{ "name": "@acme/core", "exports": { "./*": "./src/*.ts" } }"#)
            try repo.write("packages/core/src/constants.ts", #"export const DB_CASING = "snake_case";"#)
            try repo.write("packages/core/src/env.ts", """
                export const env = { ...(process.env.DB_URL ? { url: process.env.DB_URL } : { host: "localhost" }) };
                """)
            try repo.write("packages/core/src/schema.ts", """
                import { env } from "./env";
                export const createSchema = (mapping) => mapping[env.driver]();
                """)
            try repo.commitAll("db")
        }
        defer { repo.remove() }
        let report = try lint(repo.path("packages/db/configs"))
        // `createdAt` named by the casing the config imports: `created_at`, and nothing about the other dialect
        // or the run-time helpers.
        #expect(report.summaries == ["schema/timestamp-without-timezone packages/db/schema/pg.ts"])
        #expect(report.findings.first?.finding.message.contains("created_at") == true)
    }

    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func copyExample(_ name: String, into repo: TemporaryRepository) throws {
        let source = examples.appendingPathComponent(name)
        let files = FileManager.default.enumerator(atPath: source.path)?.allObjects.compactMap { $0 as? String } ?? []
        for file in files {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.appendingPathComponent(file).path, isDirectory: &isFolder),
                  !isFolder.boolValue else { continue }
            try repo.write(file, bytes: Array(try Data(contentsOf: source.appendingPathComponent(file))))
        }
    }
}
