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

/// Paths real configs compute; drizzle-kit runs in the config's folder, so `process.cwd()` is that folder.
struct ComputedConfigPathTests {
    static func schema(_ config: String, at path: String = "packages/db/drizzle.config.ts",
                       files: [String] = ["packages/db/schema.ts"]) throws -> (DrizzleConfig, [String]) {
        var sources = [path: config]
        for file in files { sources[file] = "" }
        let provider = InMemorySourceProvider(files: sources)
        let read = try DrizzleConfigReader.read(path: path, provider: provider).get()
        return (read, DrizzleConfigReader.schemaFiles(read, provider: provider))
    }

    @Test(arguments: [
        #"import { relative } from "node:path"; import { fileURLToPath } from "node:url"; export default { schema: relative(process.cwd(), fileURLToPath(new URL("./schema.ts", import.meta.url))) };"#,
        #"import path from "path"; export default { schema: path.join(__dirname, "schema.ts") };"#,
        #"import * as path from "node:path"; export default { schema: path.resolve(__dirname, "./src", "../schema.ts") };"#,
        #"import { resolve } from "path"; const dir = import.meta.dirname; export default { schema: resolve(dir, "schema.ts") };"#,
        #"export default { schema: `${__dirname}/schema.ts` };"#,
        #"const name = "schema"; export default { schema: `./${name}.ts` };"#,
        #"export default { schema: process.env.DRIZZLE_SCHEMA ?? "./schema.ts" };"#,
        #"export default { schema: process.env["DRIZZLE_SCHEMA"] || "./schema.ts" };"#,
        #"import url from "node:url"; import path from "node:path"; const here = path.dirname(url.fileURLToPath(import.meta.url)); export default { schema: path.join(here, "schema.ts") };"#,
    ])
    func computedSchemaPathsNameTheFile(_ config: String) throws {
        let (read, files) = try Self.schema(config)
        #expect(files == ["packages/db/schema.ts"], "\(read.schema)")
        #expect(read.schemaLocation != nil)
    }

    @Test func aConfigInAnAppFolderNamesTheSchemaOfAPackage() throws {
        let (_, files) = try Self.schema(
            #"import path from "node:path"; export default { schema: path.join(__dirname, "../../packages/db/schema.ts"), out: `${__dirname}/drizzle` };"#,
            at: "apps/web/drizzle.config.ts")
        #expect(files == ["packages/db/schema.ts"])
    }

    /// `require.resolve` of a workspace package's export: the file its `package.json` `exports` names, as
    /// drizzle-kit's Node resolution finds it (`path.resolve` of the same text would be a folder name).
    @Test func requireResolveOfAWorkspacePackageNamesItsExport() throws {
        let config = #"import { createRequire } from "node:module"; const require = createRequire(import.meta.url); export default { schema: require.resolve("@acme/db/schema"), out: "./supabase/migrations" };"#
        let manifest = #"{ "name": "@acme/db", "exports": { "./schema": "./src/schema.ts", "./client": "./src/client.ts" } }"#
        let provider = InMemorySourceProvider(files: [
            "apps/web/drizzle.config.ts": config, "packages/db/package.json": manifest, "packages/db/src/schema.ts": "",
            "package.json": #"{ "name": "root", "workspaces": ["apps/*", "packages/*"] }"#,
        ])
        let read = try DrizzleConfigReader.read(path: "apps/web/drizzle.config.ts", provider: provider).get()
        #expect(DrizzleConfigReader.schemaFiles(read, provider: provider) == ["packages/db/src/schema.ts"], "\(read.schema)")
    }

    @Test func aRunTimeValueIsNotGuessed() throws {
        let (read, files) = try Self.schema(#"import { schemaPath } from "some-package"; export default { schema: schemaPath };"#)
        #expect(read.schema.isEmpty)
        #expect(files.isEmpty)
    }
}
