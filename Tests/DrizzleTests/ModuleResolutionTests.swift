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
        #expect(result.model.tables.map(\.name) == ["a", "b"])
    }
}

struct BarrelFileTests {
    @Test func drizzleReExportedThroughALocalBarrel() throws {
        let result = readSchema([
            "db/schema.ts": """
                import { pgTable, text as textColumn } from "./pg";
                export const notes = pgTable("notes", { body: textColumn("body").notNull() });
                """,
            "db/pg.ts": #"export * from "drizzle-orm/pg-core";"#,
        ], entries: ["db/schema.ts"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.table("notes")?[column: "body"]?.type == "text")
    }
}

struct StaticValueTests {
    @Test func environmentReadsAsUnset() throws {
        let result = readSingle("""
            const prefix = process.env.NODE_ENV === "test" ? "test_" : "";
            const schemaName = process.env.DB_SCHEMA || "public";
            export const users = pgTable(`${prefix}users`, { id: integer("id").primaryKey() });
            export const label = schemaName;
            """)
        #expect(result.model.tables.map(\.name) == ["users"])
        #expect(result.diagnostics.isEmpty)
    }
}
