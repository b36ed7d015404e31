import Catalog
import Drizzle
import Testing

/// Identifiers resolved across files: relative imports, folders, re-exports, namespace imports, tsconfig paths.
struct ModuleResolutionTests {
    @Test func importsAndReExportsAcrossFiles() throws {
        let result = readSchema([
            "src/db/schema/index.ts": """
                export * from "./users";
                export { posts as articles } from "./posts.js";
                export * from "./posts.js";
                """,
            "src/db/schema/users.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                import { id, timestamps } from "../columns";
                export const users = pgTable("users", { id: id(), name: text("name"), ...timestamps });
                """,
            "src/db/schema/posts.ts": """
                import * as pg from "drizzle-orm/pg-core";
                import { users } from "./users";
                import { Status } from "@/lib/status";
                export const postStatus = pg.pgEnum("post_status", Status);
                export const posts = pg.pgTable("posts", {
                  id: pg.serial("id").primaryKey(),
                  authorId: pg.text("author_id").references(() => users.id),
                  status: postStatus("status").default(Status.Draft),
                });
                """,
            "src/db/columns/index.ts": """
                import { text, timestamp } from "drizzle-orm/pg-core";
                export const id = () => text("id").primaryKey();
                export const timestamps = {
                  createdAt: timestamp("created_at").defaultNow().notNull(),
                  updatedAt: timestamp("updated_at").$onUpdate(() => new Date()),
                };
                """,
            "src/lib/status.ts": """
                export enum Status { Draft = "draft", Published = "published" }
                """,
            "tsconfig.base.json": """
                { // comments and trailing commas are allowed here
                  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"], }, },
                }
                """,
            "tsconfig.json": #"{ "extends": "./tsconfig.base.json" }"#,
        ], entries: ["src/db/schema/index.ts"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        // A table exported twice (`articles` and `posts`) is one table.
        #expect(result.model.tables.map(\.name).sorted() == ["posts", "users"])
        #expect(result.table("users")?.columns.map(\.name) == ["id", "name", "created_at", "updated_at"])
        #expect(result.table("users")?.columns.first?.location.path == "src/db/schema/users.ts")
        #expect(result.table("users")?[column: "created_at"]?.location.path == "src/db/columns/index.ts")
        #expect(result.table("posts")?.foreignKeys.first?.tableTo == "users")
        #expect(result.model.enums == [PgEnum(name: "post_status", values: ["draft", "published"],
                                              location: result.model.enums.first?.location ?? .none)])
        #expect(result.table("posts")?[column: "status"]?.default == .sql("'draft'"))
        #expect(result.files.contains("src/lib/status.ts"))
    }

    @Test func creatorsSchemasAndConstArrays() throws {
        let result = readSchema(["schema.ts": """
            import { pgTableCreator, pgSchema, text, integer } from "drizzle-orm/pg-core";
            const createTable = pgTableCreator((name) => `app_${name}`);
            const ROLES = ["admin", "member"] as const;
            const KINDS = { A: "a", B: "b" } as const;
            export const auth = pgSchema("auth");
            export const role = auth.enum("role", ROLES);
            export const kind = auth.enum("kind", Object.values(KINDS));
            export const authUsers = auth.table("users", { id: integer("id").primaryKey(), role: role("role") });
            export const items = createTable("items", {
              id: integer("id").primaryKey(),
              ownerId: integer("owner_id").references(() => authUsers.id),
            });
            const hidden = createTable("hidden", { id: integer("id") });
            """])
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.tables.map(\.key) == ["auth.users", "public.app_items"])
        #expect(result.model.schemas == ["auth"])
        #expect(result.model.enums.map(\.key) == ["auth.role", "auth.kind"])
        #expect(result.model.enums.last?.values == ["a", "b"])
        #expect(result.table("users")?[column: "role"]?.typeSchema == "auth")
        let key = try #require(result.table("app_items")?.foreignKeys.first)
        #expect(key.name == "app_items_owner_id_users_id_fk")
        #expect(key.schemaTo == "auth")
    }

    @Test func workspacePackagesResolveWithoutTsconfig() throws {
        let result = readSchema([
            "package.json": #"{ "private": true, "workspaces": ["packages/*"] }"#,
            "packages/db/schema.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export * from "@acme/core/tables";
                export const a = pgTable("a", { id: text("id").primaryKey() });
                """,
            "packages/core/package.json": #"{ "name": "@acme/core", "exports": { "./*": "./src/*.ts" } }"#,
            "packages/core/src/tables.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export const b = pgTable("b", { id: text("id").primaryKey() });
                """,
        ], entries: ["packages/db/schema.ts"])
        #expect(result.model.tables.map(\.name) == ["a", "b"])
    }

    /// Never guessed: a folder named like the package but without a `package.json` of that name is not it.
    @Test func aFolderNamedLikeAPackageIsNotThePackage() throws {
        let result = readSchema([
            "packages/db/schema.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export * from "@acme/core/tables";
                export const a = pgTable("a", { id: text("id").primaryKey() });
                """,
            "packages/core/src/tables.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export const b = pgTable("b", { id: text("id").primaryKey() });
                """,
        ], entries: ["packages/db/schema.ts"])
        #expect(result.model.tables.map(\.name) == ["a"])
        #expect(result.diagnostics.map(\.kind) == [.unresolvedImport])
    }
}

/// Monorepo layouts as package managers link them and TypeScript resolves them.
struct WorkspaceResolutionTests {
    static func table(_ name: String) -> String {
        """
        import { pgTable, text } from "drizzle-orm/pg-core";
        export const \(name) = pgTable("\(name)", { id: text("id").primaryKey() });
        """
    }

    static func tables(_ files: [String: String], entry: String) -> [String] {
        let result = readSchema(files, entries: [entry])
        return result.model.tables.map(\.name).sorted()
    }

    @Test func relativeImportsSwapJavaScriptExtensionsForTheirSources() {
        #expect(Self.tables([
            "db/schema.ts": """
                export * from "./users.js";
                export * from "./teams.mjs";
                export * from "./audit/index.js";
                export * from "./billing";
                """,
            "db/users.ts": Self.table("users"),
            "db/teams.mts": Self.table("teams"),
            "db/audit/index.ts": Self.table("audit"),
            "db/billing/index.tsx": Self.table("billing"),
        ], entry: "db/schema.ts") == ["audit", "billing", "teams", "users"])
    }

    @Test func pnpmWorkspaceWithExportsConditionsAndDistMappedToSources() {
        let files = [
            "pnpm-workspace.yaml": """
                packages:
                  - "apps/*"
                  - 'packages/**'   # nested packages too
                  - "!packages/legacy"
                """,
            "apps/api/schema.ts": """
                export * from "@acme/db";
                export * from "@acme/db/billing";
                export * from "@acme/auth";
                export * from "@acme/legacy";
                """,
            // `types` first, pointing into a build folder that is not checked in: its source is read.
            "packages/data/db/package.json": """
                { "name": "@acme/db", "exports": {
                    ".": { "types": "./dist/index.d.ts", "import": "./dist/index.js" },
                    "./billing": { "require": "./dist/billing.cjs", "default": "./src/billing.ts" },
                    "./package.json": "./package.json" } }
                """,
            "packages/data/db/src/index.ts": Self.table("users"),
            "packages/data/db/src/billing.ts": Self.table("invoices"),
            // No exports: `main` names the entry.
            "packages/auth/package.json": #"{ "name": "@acme/auth", "main": "./lib/main.js" }"#,
            "packages/auth/src/main.ts": Self.table("sessions"),
            "packages/legacy/package.json": #"{ "name": "@acme/legacy", "main": "index.ts" }"#,
            "packages/legacy/index.ts": Self.table("old"),
        ]
        #expect(Self.tables(files, entry: "apps/api/schema.ts") == ["invoices", "sessions", "users"])
    }

    @Test func npmWorkspacesObjectFormAndSubpathPatterns() {
        #expect(Self.tables([
            "package.json": #"{ "workspaces": { "packages": ["./libs/*/"] } }"#,
            "app/schema.ts": """
                export * from "@acme/tables/users";
                export * from "@acme/tables/nested/teams";
                export * from "@acme/tables/internal/secret";
                """,
            "libs/tables/package.json": """
                { "name": "@acme/tables", "exports": {
                    "./*": { "import": "./src/*.ts" },
                    "./nested/*": "./src/deep/*.ts",
                    "./internal/*": null } }
                """,
            "libs/tables/src/users.ts": Self.table("users"),
            "libs/tables/src/deep/teams.ts": Self.table("teams"),
            "libs/tables/src/internal/secret.ts": Self.table("secret"),
        ], entry: "app/schema.ts") == ["teams", "users"])
    }

    @Test func tsconfigPathsThroughExtendsArraysAndPackages() {
        let files = [
            "package.json": #"{ "workspaces": ["tooling/*", "apps/*"] }"#,
            "tooling/tsconfig/package.json": #"{ "name": "@acme/tsconfig" }"#,
            "tooling/tsconfig/base.json": #"{ "compilerOptions": { "strict": true } }"#,
            "tooling/tsconfig/tsconfig.json": #"{ "compilerOptions": { "paths": { "~/*": ["./nothing/*"] } } }"#,
            "apps/web/tsconfig.paths.json": """
                { "compilerOptions": { "baseUrl": "./src", "paths": { "@/db/*": ["server/db/*"], "@/*": ["*"] } } }
                """,
            // Later entries of an `extends` array win; `@acme/tsconfig/base.json` comes from a workspace package.
            "apps/web/tsconfig.json": #"{ "extends": ["@acme/tsconfig", "@acme/tsconfig/base.json", "./tsconfig.paths"] }"#,
            "apps/web/src/server/db/schema.ts": """
                export * from "@/db/users";
                export * from "@/lib/teams";
                export * from "shared/audit";
                """,
            "apps/web/src/server/db/users.ts": Self.table("users"),
            "apps/web/src/lib/teams.ts": Self.table("teams"),
            // `baseUrl` alone maps bare specifiers too.
            "apps/web/src/shared/audit.ts": Self.table("audit"),
        ]
        #expect(Self.tables(files, entry: "apps/web/src/server/db/schema.ts") == ["audit", "teams", "users"])
    }

    @Test func pathsWithoutBaseUrlAreRelativeToTheConfigThatDeclaresThem() {
        #expect(Self.tables([
            "tsconfig.base.json": ##"{ "compilerOptions": { "paths": { "#db/*": ["./packages/db/src/*"] } } }"##,
            "apps/api/tsconfig.json": #"{ "extends": "../../tsconfig.base.json" }"#,
            "apps/api/schema.ts": ##"export * from "#db/users";"##,
            "packages/db/src/users.ts": Self.table("users"),
        ], entry: "apps/api/schema.ts") == ["users"])
    }

    @Test func pnpmFlowListAmongOtherKeys() {
        #expect(Self.tables([
            "pnpm-workspace.yaml": "catalog:\n  zod: 3\npackages: ['apps/*', \"packages/*\"]\nonlyBuiltDependencies:\n  - esbuild\n",
            "apps/api/schema.ts": #"export * from "@acme/db";"#,
            "packages/db/package.json": #"{ "name": "@acme/db", "types": "./src/index.ts" }"#,
            "packages/db/src/index.ts": Self.table("users"),
        ], entry: "apps/api/schema.ts") == ["users"])
    }
}
