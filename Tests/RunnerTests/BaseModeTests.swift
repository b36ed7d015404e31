import Core
import Foundation
import Linter
import RuleEngine
import Testing
import TestSupport

/// `check --base REF` hands the tree at REF to the engine, for `migration/edited-after-merge`.
@Suite struct BaseModeTests {
    static let ruleID = "migration/edited-after-merge"

    /// A drizzle-kit folder whose base commit (`main`) has three migrations, 0000–0002, then a branch `work`.
    static func repository() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            for (index, tag) in ["0000_create_users", "0001_add_email", "0002_add_orders"].enumerated() {
                try repo.write("drizzle/\(tag).sql", "CREATE TABLE \"t\(index)\" (\"id\" serial PRIMARY KEY NOT NULL);\n")
                try repo.write("drizzle/meta/\(tag.prefix(4))_snapshot.json", snapshot(index))
            }
            try repo.write("drizzle/meta/_journal.json", journal(["0000_create_users", "0001_add_email", "0002_add_orders"]))
            try repo.commitAll("three merged migrations")
            try repo.git("checkout", "--quiet", "-b", "work")
        }
    }

    static func snapshot(_ index: Int) -> String {
        let id = { (n: Int) in "00000000-0000-4000-8000-00000000000\(n)" }
        let previous = index == 0 ? "00000000-0000-0000-0000-000000000000" : id(index - 1)
        let tables = (0...index).map { "\"public.t\($0)\": {\"name\": \"t\($0)\", \"schema\": \"\", \"columns\": {\"id\": {\"name\": \"id\", \"type\": \"serial\", \"primaryKey\": true, \"notNull\": true}}, \"indexes\": {}, \"foreignKeys\": {}, \"compositePrimaryKeys\": {}, \"uniqueConstraints\": {}, \"policies\": {}, \"checkConstraints\": {}, \"isRLSEnabled\": false}" }
        return """
            {"id": "\(id(index))", "prevId": "\(previous)", "version": "7", "dialect": "postgresql",
             "tables": {\(tables.joined(separator: ", "))}, "enums": {}, "schemas": {}, "sequences": {}, "roles": {},
             "policies": {}, "views": {}, "_meta": {"columns": {}, "schemas": {}, "tables": {}}}

            """
    }

    static func journal(_ tags: [String]) -> String {
        let entries = tags.enumerated().map { index, tag in
            "    {\"idx\": \(index), \"version\": \"7\", \"when\": \(1_700_000_000_000 + index * 1000), \"tag\": \"\(tag)\", \"breakpoints\": true}"
        }
        return "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n\(entries.joined(separator: ",\n"))\n  ]\n}\n"
    }

    static func editedAfterMerge(_ report: Report) -> [LocatedFinding] {
        report.findings.filter { $0.finding.ruleID == ruleID }
    }

    /// The tests below filter findings by this id: a renamed rule must fail them, not leave them comparing nothing.
    @Test func theRuleIsRegistered() {
        #expect(RuleRegistry.ids.contains(Self.ruleID))
    }

    @Test func anUntouchedBaseAndAnAppendedMigrationAreFine() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        #expect(Self.editedAfterMerge(try lint(repo.root, base: "main")).isEmpty)
        try repo.write("drizzle/0003_add_items.sql", "CREATE TABLE \"t3\" (\"id\" serial PRIMARY KEY NOT NULL);\n")
        try repo.write("drizzle/meta/0003_snapshot.json", Self.snapshot(3))
        try repo.write("drizzle/meta/_journal.json", Self.journal(["0000_create_users", "0001_add_email", "0002_add_orders", "0003_add_items"]))
        #expect(Self.editedAfterMerge(try lint(repo.root, base: "main")).isEmpty)
    }

    @Test
    func editingTheSecondMigrationIsReported() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write("drizzle/0001_add_email.sql", "CREATE TABLE \"t1\" (\"id\" bigserial PRIMARY KEY NOT NULL);\n")
        let findings = Self.editedAfterMerge(try lint(repo.root, base: "main"))
        #expect(findings.map(\.finding.path) == ["drizzle/0001_add_email.sql"])
        // Without --base the rule has nothing to compare with.
        #expect(Self.editedAfterMerge(try lint(repo.root)).isEmpty)
    }

    @Test
    func deletingTheThirdMigrationIsReported() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.delete("drizzle/0002_add_orders.sql")
        try repo.delete("drizzle/meta/0002_snapshot.json")
        try repo.write("drizzle/meta/_journal.json", Self.journal(["0000_create_users", "0001_add_email"]))
        let findings = Self.editedAfterMerge(try lint(repo.root, base: "main"))
        #expect(findings.contains { $0.finding.message.contains("0002_add_orders") })
    }

    @Test
    func aNewMigrationNumberedBeforeTheLastIsReported() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write("drizzle/0001_add_phone.sql", "ALTER TABLE \"t1\" ADD COLUMN \"phone\" text;\n")
        let findings = Self.editedAfterMerge(try lint(repo.root, base: "main"))
        #expect(findings.contains { $0.finding.message.contains("0001_add_phone") })
    }

    @Test
    func stagedAndBaseTogetherCompareTheIndexWithTheBase() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write("drizzle/0001_add_email.sql", "CREATE TABLE \"t1\" (\"id\" bigserial PRIMARY KEY NOT NULL);\n")
        #expect(Self.editedAfterMerge(try lint(repo.root, staged: true, base: "main")).isEmpty)
        try repo.git("add", "--all")
        #expect(Self.editedAfterMerge(try lint(repo.root, staged: true, base: "main")).map(\.finding.path) == ["drizzle/0001_add_email.sql"])
    }

    /// Independent of the migrations rule: the base source the engine gets is the tree at the ref, seen from
    /// the checked folder.
    @Test func theBaseSourceIsTheTreeAtTheRefUnderTheCheckedFolder() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("app/gists/a.json", GistText.clean)
            try repo.write("other/b.json", GistText.clean)
            try repo.commitAll("base")
            try repo.write("app/gists/a.json", GistText.secret)
            try repo.write("app/gists/new.json", GistText.clean)
        }
        defer { repo.remove() }
        let folder = try GitFolder.locate(URL(fileURLWithPath: repo.path("app")), indexFile: nil)
        #expect(folder.prefix == "app/")
        let source = try GitSnapshot.tree(at: "main", of: folder.repository).source(under: folder.prefix)
        #expect(try source.listFiles() == ["gists/a.json"])
        #expect(try source.read("gists/a.json") == Array(GistText.clean.utf8))
        #expect(throws: InputError.self) { try source.read("gists/new.json") }
    }
}
