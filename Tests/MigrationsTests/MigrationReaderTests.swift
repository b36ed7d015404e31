import Catalog
import Core
import DrizzleKit
import Migrations
import SQL
import Testing

@Suite struct MigrationReaderTests {
    typealias Lint = MigrationLint

    @Test func discoversJournalFoldersAndKeepsJournalOrder() throws {
        let texts = [
            "db/migrations/meta/_journal.json": Lint.journal(["0000_init", "0002_second", "0001_first"]),
            "db/migrations/0000_init.sql": #"CREATE TABLE "users" ("id" uuid);"#,
            "db/migrations/0001_first.sql": #"CREATE TABLE "teams" ("id" uuid);"#,
            "db/migrations/0002_second.sql": #"CREATE INDEX "i" ON "users" ("id");"#,
            "db/migrations/0003_manual.sql": #"UPDATE "users" SET "id" = "id";"#,
            "other/notes.sql": "SELECT 1;",
        ]
        let loaded = try Lint.load(texts)
        let folder = try #require(loaded.folders.first)
        #expect(loaded.folders.count == 1)
        #expect(folder.path == "db/migrations")
        #expect(folder.layout == .journal)
        // Journal order, then the unlisted file after the last name that sorts before it.
        #expect(folder.steps.map(\.name) == ["0000_init", "0002_second", "0001_first", "0003_manual"])
        #expect(folder.steps.last?.entry == nil)
        #expect(Set(loaded.files.map(\.path)) == Set(texts.keys.filter { $0.hasPrefix("db/") }))
    }

    @Test func configuredFolderWinsOverDiscovery() throws {
        var configuration = Configuration()
        configuration.migrationsFolder = "./sql/"
        let texts = [
            "sql/0000_a.sql": "SELECT 1;",
            "drizzle/meta/_journal.json": Lint.journal(["0000_b"]),
            "drizzle/0000_b.sql": "SELECT 1;",
        ]
        let source = MemoryFileSource(texts: texts)
        let loaded = try MigrationLoading.load(FolderListing(paths: try source.listFiles()), configuration: configuration, outFolders: [], source: source)
        #expect(loaded.folders.map(\.path) == ["sql"])
        #expect(loaded.folders.first?.journal == nil)
    }

    @Test func readsDrizzleKitOneFolders() throws {
        let texts = [
            "migrations/20250101000000_init/migration.sql": #"CREATE TABLE "users" ("id" uuid);"#,
            "migrations/20250101000000_init/snapshot.json": #"{ "version": "8", "dialect": "postgres", "id": "a", "prevIds": ["00000000-0000-0000-0000-000000000000"], "ddl": [{ "entityType": "tables", "name": "users", "schema": "public" }] }"#,
            "migrations/20250201000000_index/migration.sql": #"CREATE INDEX "users_id_idx" ON "users" ("id");"#,
            "migrations/20250201000000_index/snapshot.json": #"{ "version": "8", "dialect": "postgres", "id": "b", "prevIds": ["a"], "ddl": [] }"#,
        ]
        let folder = try #require(try Lint.load(texts).folders.first)
        #expect(folder.layout == .folders)
        #expect(folder.path == "migrations")
        #expect(folder.steps.map(\.name) == ["20250101000000_init", "20250201000000_index"])
        #expect(folder.steps[1].snapshot?.prevIds.map(\.value) == ["a"])
        #expect(folder.steps[0].snapshot?.tables == [QualifiedName.canonical(schema: nil, name: "users")])
        #expect(folder.steps[1].existedBefore(QualifiedName.canonical(schema: "public", name: "users")))
        #expect(folder.latestSnapshot?.version == "8")
    }

    @Test func skipsJournalsOfOtherDialects() throws {
        let texts = ["drizzle/meta/_journal.json": #"{ "version": "5", "dialect": "mysql", "entries": [] }"#]
        #expect(try Lint.load(texts).folders.isEmpty)
    }

    @Test func tablesBeforeComeFromEarlierMigrationsAndThePreviousSnapshot() throws {
        let texts = [
            "drizzle/meta/_journal.json": Lint.journal(["0000_pulled", "0001_rename", "0002_drop"]),
            // An introspected baseline: no SQL, only the snapshot knows the tables.
            "drizzle/meta/0000_snapshot.json": Lint.snapshot(id: "a", prevId: "", tables: ["accounts"]),
            "drizzle/0001_rename.sql": #"CREATE TABLE "notes" ("id" int); ALTER TABLE "accounts" RENAME TO "users";"#,
            "drizzle/0002_drop.sql": #"DROP TABLE "notes";"#,
        ]
        let steps = try #require(try Lint.load(texts).folders.first).steps
        let users = QualifiedName.canonical(schema: nil, name: "users"), accounts = QualifiedName.canonical(schema: "public", name: "accounts")
        let notes = QualifiedName.canonical(schema: nil, name: "notes")
        #expect(steps[1].tablesBefore.contains(accounts))
        #expect(!steps[1].tablesBefore.contains(users) && !steps[1].tablesBefore.contains(notes))
        #expect(steps[1].tablesCreated == [notes])
        #expect(!steps[1].existedBefore(notes))
        // The snapshot of 0000 still names `accounts`; the rename made `users`.
        #expect([accounts, users, notes].allSatisfy(steps[2].tablesBefore.contains))
        #expect(steps[2].existedBefore(notes))
    }

    @Test func journalValuesAreLocated() throws {
        let journal = Lint.journal(["0000_init"], when: [1_730_419_200_000])
        let texts = ["drizzle/meta/_journal.json": journal, "drizzle/0000_init.sql": "SELECT 1;"]
        let entry = try #require(try Lint.load(texts).folders.first?.journal?.entries.first)
        let bytes = Array(journal.utf8)
        #expect(String(decoding: bytes[try #require(entry.when).range], as: UTF8.self) == "1730419200000")
        #expect(String(decoding: bytes[entry.tagRange], as: UTF8.self) == "\"0000_init\"")
    }

    @Test func exposesSQLCommentsForSuppressions() throws {
        let sql = "-- schemalint-disable-next-line migration/destructive-change -- intended\nALTER TABLE \"t\" DROP COLUMN \"c\";\n"
        let texts = ["drizzle/meta/_journal.json": Lint.journal(["0000_a"]), "drizzle/0000_a.sql": sql]
        let comments = try Lint.load(texts).comments["drizzle/0000_a.sql"] ?? []
        #expect(comments.map(\.text) == [" schemalint-disable-next-line migration/destructive-change -- intended"])
        #expect(comments.first.flatMap(SuppressionDirective.init(comment:))?.ruleIDs == ["migration/destructive-change"])
    }

    @Test func headlineSkipsLeadingCommentsAndStopsAtTheLineEnd() throws {
        let sql = "-- backfill\n\nUPDATE \"t\" SET \"a\" = 1\n  WHERE \"b\" = 2;\n"
        let script = MigrationScript(source: SourceFile(path: "x.sql", bytes: Array(sql.utf8)), name: "x", sql: SQLParser.parseFile(Array(sql.utf8)))
        #expect(String(decoding: Array(sql.utf8)[script.headlineRange], as: UTF8.self) == "UPDATE \"t\" SET \"a\" = 1")
        let empty = MigrationScript(source: SourceFile(path: "e.sql", bytes: []), name: "e", sql: SQLParser.parseFile([]))
        #expect(empty.headlineRange == 0..<0)
    }

    @Test func migrationNamesSplitIntoNumberAndTag() {
        #expect(MigrationName.number(of: "0003_backfill") == "0003")
        #expect(MigrationName.number(of: "20250101120000_init") == "20250101120000")
        #expect(MigrationName.number(of: "backfill") == nil)
        #expect(MigrationName.number(of: "0003backfill") == nil)
        #expect(MigrationName.tag(of: "0003_backfill_plans") == "backfill_plans")
    }

    @Test func unreadableJSONIsLocatedNotThrown() throws {
        let texts = [
            "drizzle/meta/_journal.json": "{ \"entries\": [ }",
            "drizzle/meta/0000_snapshot.json": "not json",
            "drizzle/0000_a.sql": "SELECT 1;",
        ]
        let folder = try #require(try Lint.load(texts).folders.first)
        #expect(folder.journalError != nil)
        #expect(folder.snapshots.first?.error != nil)
        let findings = try Lint.findings(texts)
        #expect(findings.of("journal-mismatch").contains { $0.path == "drizzle/meta/_journal.json" })
        #expect(findings.of("snapshot-chain-broken").contains { $0.path == "drizzle/meta/0000_snapshot.json" })
    }
}
