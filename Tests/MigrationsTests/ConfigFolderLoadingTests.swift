import Core
import Migrations
import Testing
import Workspace

/// What a drizzle config decides at loading: where its migrations are (in each tree, by that tree's config) and
/// which drizzle-kit naming the schema is read under (by the layout of its `out`).
@Suite struct ConfigFolderLoadingTests {
    static func config(out: String) -> String {
        #"""
        import { defineConfig } from "drizzle-kit";
        export default defineConfig({ schema: "./schema.ts", out: "\#(out)", dialect: "postgresql" });
        """#
    }

    static let schema = #"""
        import { pgTable, text, uuid } from "drizzle-orm/pg-core";
        export const users = pgTable("users", { id: uuid("id").primaryKey(), email: text("email").unique() });
        """#

    /// A journal folder at `folder` with one migration.
    static func journalFolder(_ folder: String) -> [String: String] {
        [
            "\(folder)/meta/_journal.json": MigrationLint.journal(["0000_init"]),
            "\(folder)/0000_init.sql": #"CREATE TABLE "users" ("id" uuid PRIMARY KEY);"#,
        ]
    }

    static func load(_ texts: [String: String], base: [String: String]? = nil) throws -> ProjectLoader.Loaded {
        try ProjectLoader(source: MemoryFileSource(texts: texts), configuration: Configuration(),
                          base: base.map { MemoryFileSource(texts: $0) }).load()
    }

    @Test func theBaseTreesMigrationsAreFoundThroughTheBaseTreesConfig() throws {
        // The branch moved `out` from `drizzle` to `db`. The base also holds an old folder no config names: read
        // through the work tree's config (`db`, absent at the base), the base would fall back to every folder.
        var base = Self.journalFolder("drizzle").merging(Self.journalFolder("old")) { first, _ in first }
        base["drizzle.config.ts"] = Self.config(out: "./drizzle")
        base["schema.ts"] = Self.schema
        var head = Self.journalFolder("db")
        head["drizzle.config.ts"] = Self.config(out: "./db")
        head["schema.ts"] = Self.schema
        let project = try Self.load(head, base: base).project
        #expect(project.migrations.map(\.path) == ["db"])
        let baseFolders = try #require(project.baseMigrations)
        #expect(baseFolders.map(\.path) == ["drizzle"])
        #expect(baseFolders.map(\.configPath) == ["drizzle.config.ts"])
    }

    @Test func drizzleKitOnesFolderLayoutReadsTheSchemaUnderItsNaming() throws {
        var kitOne = [
            "drizzle.config.ts": Self.config(out: "./drizzle"), "schema.ts": Self.schema,
            "drizzle/20250101120000_init/migration.sql": #"CREATE TABLE "users" ("id" uuid PRIMARY KEY);"#,
        ]
        let kitOneNames = try Self.load(kitOne).project.schemas.first?.model.tables.first?.uniqueConstraints.map(\.name)
        #expect(kitOneNames == ["users_email_key"])
        kitOne.removeValue(forKey: "drizzle/20250101120000_init/migration.sql")
        let kitZero = kitOne.merging(Self.journalFolder("drizzle")) { first, _ in first }
        let kitZeroNames = try Self.load(kitZero).project.schemas.first?.model.tables.first?.uniqueConstraints.map(\.name)
        #expect(kitZeroNames == ["users_email_unique"])
    }

    @Test func eachFolderIsPairedWithItsConfigsSchemaAndSnapshotWithinTheSchemaFilter() throws {
        let filtered = #"""
            import { defineConfig } from "drizzle-kit";
            export default defineConfig({ schema: "./schema.ts", out: "./drizzle", dialect: "postgresql", schemaFilter: ["public"] });
            """#
        let snapshot = #"""
            { "id": "a", "prevId": "00000000-0000-0000-0000-000000000000", "version": "7", "dialect": "postgresql", "tables": {
              "public.users": { "name": "users", "schema": "", "columns": {} },
              "auth.users": { "name": "users", "schema": "auth", "columns": {} } } }
            """#
        var texts = Self.journalFolder("drizzle").merging(Self.journalFolder("other/drizzle")) { first, _ in first }
        texts["drizzle.config.ts"] = filtered
        texts["schema.ts"] = Self.schema
        texts["drizzle/meta/0000_snapshot.json"] = snapshot
        texts["other/drizzle.config.ts"] = Self.config(out: "./drizzle")
        texts["other/schema.ts"] = Self.schema
        texts["other/drizzle/meta/0000_snapshot.json"] = snapshot
        let project = try Self.load(texts).project
        let pairs = project.snapshotPairings.map { pairing in
            "\(pairing.folder) ← \(project.schemas[pairing.schema].config?.path ?? "-"): "
                + (pairing.snapshot?.tables.map { "\($0.schema).\($0.name)" }.sorted().joined(separator: ", ") ?? "no snapshot")
        }
        // drizzle-kit never generates changes for `auth` under `schemaFilter: ["public"]`: not compared there.
        #expect(Set(pairs) == ["drizzle ← drizzle.config.ts: .users",
                               "other/drizzle ← other/drizzle.config.ts: .users, auth.users"])
    }
}
