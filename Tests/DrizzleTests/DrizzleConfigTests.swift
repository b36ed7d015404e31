import Drizzle
import Testing

struct DrizzleConfigTests {
    @Test func defineConfigWithConstantsAndEnvironmentFallbacks() throws {
        let provider = InMemorySourceProvider(files: [
            "apps/api/drizzle.config.ts": """
                import { defineConfig } from "drizzle-kit";
                const OUT = process.env.MIGRATIONS ?? "./drizzle";
                export default defineConfig({
                  schema: ["./src/db/schema/*.ts", "./src/extra.ts"],
                  out: OUT,
                  dialect: "postgresql",
                  casing: "snake_case",
                  schemaFilter: ["public"],
                  tablesFilter: ["app_*"],
                  dbCredentials: { url: process.env.DATABASE_URL! },
                });
                """,
            "apps/api/src/db/schema/users.ts": "",
            "apps/api/src/db/schema/posts.ts": "",
            "apps/api/src/db/schema/nested/deep.ts": "",
            "apps/api/src/extra.ts": "",
        ])
        let config = try DrizzleConfigReader.read(path: "apps/api/drizzle.config.ts", provider: provider).get()
        #expect(config.out == "./drizzle")
        #expect(config.outFolder(provider: provider) == "apps/api/drizzle")
        #expect(config.dialect == "postgresql")
        #expect(config.casing == .snakeCase)
        #expect(config.schemaFilter == ["public"])
        #expect(config.tablesFilter == ["app_*"])
        #expect(DrizzleConfigReader.schemaFiles(config, provider: provider)
                == ["apps/api/src/db/schema/posts.ts", "apps/api/src/db/schema/users.ts", "apps/api/src/extra.ts"])
    }

    @Test func satisfiesThroughAConstAndFolderSchema() throws {
        let provider = InMemorySourceProvider(files: [
            "packages/db/configs/pg.config.ts": """
                import type { Config } from "drizzle-kit";
                const config = { schema: "./schema", out: "./migrations/pg", dialect: "postgresql" } satisfies Config;
                export default config;
                """,
            "packages/db/schema/index.ts": "",
            "packages/db/schema/tables.ts": "",
            "packages/db/migrations/pg/meta/_journal.json": "{}",
        ])
        let config = try DrizzleConfigReader.read(path: "packages/db/configs/pg.config.ts", provider: provider).get()
        // drizzle-kit resolves paths against the folder it runs in: here the package, one level up.
        #expect(DrizzleConfigReader.schemaFiles(config, provider: provider)
                == ["packages/db/schema/index.ts", "packages/db/schema/tables.ts"])
        #expect(config.outFolder(provider: provider) == "packages/db/migrations/pg")
    }

    @Test func missingDefaultExportIsAnError() {
        let provider = InMemorySourceProvider(files: ["drizzle.config.ts": "export const x = 1;"])
        guard case .failure(let diagnostic) = DrizzleConfigReader.read(path: "drizzle.config.ts", provider: provider) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.location.path == "drizzle.config.ts")
    }
}

struct CommonJSConfigTests {
    @Test func moduleExportsConfig() throws {
        let provider = InMemorySourceProvider(files: [
            "drizzle.config.js": "/** @type {import('drizzle-kit').Config} */\nmodule.exports = { schema: './db/schema.js', out: './migrations' };",
        ])
        let config = try DrizzleConfigReader.read(path: "drizzle.config.js", provider: provider).get()
        #expect(config.schema == ["./db/schema.js"])
        #expect(config.out == "./migrations")
    }
}

struct SchemaGlobTests {
    @Test func recursiveAndAlternativeGlobs() throws {
        let provider = InMemorySourceProvider(files: [
            "drizzle.config.ts": """
                export default { schema: ["./src/**/schema.ts", "./db/{users,posts}.ts", "./db/tables/*.ts"] };
                """,
            "src/schema.ts": "", "src/a/b/schema.ts": "", "src/a/other.ts": "",
            "db/users.ts": "", "db/posts.ts": "", "db/comments.ts": "",
            "db/tables/x.ts": "", "db/tables/nested/y.ts": "", "db/tables/types.d.ts": "",
        ])
        let config = try DrizzleConfigReader.read(path: "drizzle.config.ts", provider: provider).get()
        #expect(DrizzleConfigReader.schemaFiles(config, provider: provider) == [
            "src/a/b/schema.ts", "src/schema.ts", "db/posts.ts", "db/users.ts", "db/tables/x.ts",
        ])
    }
}

struct SchemaDiscoveryTests {
    @Test func findsPgCoreSchemasByConvention() {
        let pg = #"import { pgTable } from "drizzle-orm/pg-core";"#
        let provider = InMemorySourceProvider(files: [
            "schema.ts": pg, "src/db/schema/users.ts": pg, "src/db/client.ts": #"import { drizzle } from "drizzle-orm/node-postgres";"#,
            "apps/api/db/tables.ts": pg, "src/lib/other.ts": pg, "src/db/types.d.ts": pg,
            "src/db/mysql.ts": #"import { mysqlTable } from "drizzle-orm/mysql-core";"#,
        ])
        #expect(SchemaDiscovery.defaultSchemaFiles(provider: provider)
                == ["apps/api/db/tables.ts", "schema.ts", "src/db/schema/users.ts"])
    }
}
