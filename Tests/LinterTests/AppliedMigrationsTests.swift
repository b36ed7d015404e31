import Core
import Linter
import RuleEngine
import Testing

/// Rules whose catalog `scope` is `new-migrations` judge only migrations that are not at the boundary (SPEC §9).
@Suite struct AppliedMigrationsTests {
    static let catalog = RuleExampleTests.catalog

    /// Integrity rules judge every migration, whenever it was merged; every other `migration/` rule is about
    /// the safety of a statement and must declare `scope: new-migrations`.
    static let integrityRules: Set<String> = [
        "migration/journal-mismatch", "migration/out-of-order", "migration/snapshot-chain-broken",
        "migration/edited-after-merge", "migration/sql-syntax-error", "schema/migration-drift",
    ]

    @Test func everyStatementSafetyRuleDeclaresItsScope() {
        for id in Self.catalog.ids {
            let scope = Self.catalog[id]?.scope
            if id.hasPrefix("migration/") && !Self.integrityRules.contains(id) {
                #expect(scope == .newMigrations, "\(id): add `scope: new-migrations` to rules/\(id).yml, or list it here as an integrity rule")
            } else {
                #expect(scope == .everything, "\(id) is not a statement-safety rule")
            }
        }
    }

    static let invalidStatementSafetyExamples = RuleExampleTests.cases.filter {
        $0.kind == "invalid" && catalog[$0.ruleID]?.scope == .newMigrations && $0.example.baseFiles == nil
    }

    /// Each invalid example again, with every file of it already at the boundary: nothing of the rule is left,
    /// and the report counts its migrations as applied.
    @Test(arguments: invalidStatementSafetyExamples)
    func appliedMigrationsAreNotJudged(_ example: ExampleCase) throws {
        let files = Self.strippedFiles(example)
        let configuration = try example.example.config.map {
            try ConfigurationReader(catalog: Self.catalog).read(Array($0.utf8), file: ".schemalint.yml")
        } ?? Configuration()
        let source = MemoryFileSource(files: files)
        func run(_ boundary: MigrationBoundary?) throws -> Report {
            try Engine.run(LintRequest(source: source, configuration: configuration, configurationFile: nil, catalog: Self.catalog, boundary: boundary))
        }
        let judged = try run(nil)
        #expect(judged.findings.contains { $0.finding.ruleID == example.ruleID })
        #expect(judged.migrationsApplied == 0)
        let applied = try run(MigrationBoundary(tree: SourceBoundaryTree(source: source), label: "committed on main"))
        #expect(!applied.findings.contains { $0.finding.ruleID == example.ruleID }, "\(example)")
        #expect(applied.migrationsJudged == 0)
        #expect(applied.migrationsApplied == judged.migrationsJudged)
        #expect(applied.appliedBoundary == "committed on main")
    }

    @Test func sinceNamingAMigrationAppliesItAndTheOnesBefore() throws {
        let files = Self.threeMigrations
        let report = try Self.run(files, config: "migrations:\n  since: 0001_index_email\n")
        #expect(report.findings.filter { $0.finding.ruleID == "migration/unsafe-index-creation" }.map(\.finding.path) == ["drizzle/0002_index_name.sql"])
        #expect(report.migrationsJudged == 1)
        #expect(report.migrationsApplied == 2)
        #expect(report.appliedBoundary == "up to `migrations.since: 0001_index_email`")
    }

    @Test func sinceNamingNothingIsAConfigurationError() throws {
        #expect(throws: InputError.self) { try Self.run(Self.threeMigrations, config: "migrations:\n  since: 0009_missing\n") }
    }

    /// A suppression comment in an applied migration still suppresses: it is not reported as unused.
    @Test func suppressionsInAppliedMigrationsAreNotUnused() throws {
        var files = Self.threeMigrations
        files["drizzle/0001_index_email.sql"] = "-- schemalint-disable-next-line migration/unsafe-index-creation -- small table\n"
            + (files["drizzle/0001_index_email.sql"] ?? "")
        let report = try Self.run(files, config: "migrations:\n  since: 0002_index_name\n")
        #expect(report.findings.map(\.finding.ruleID).filter { $0.hasPrefix("migration/unsafe") || $0 == UnusedSuppression.id } == [])
    }

    /// A folder moved into a package since the boundary (a repository turned monorepo): its migrations were
    /// merged under their old path, so they are applied; a migration added after the move is judged.
    @Test func migrationsOfAMovedFolderAreApplied() throws {
        let moved = Dictionary(uniqueKeysWithValues: Self.threeMigrations.map { ("packages/db/" + $0.key, Array($0.value.utf8)) })
        var base = Self.threeMigrations.mapValues { Array($0.utf8) }
        base["drizzle/0002_index_name.sql"] = nil
        base["drizzle/meta/_journal.json"] = nil
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(files: moved), configuration: Configuration(), configurationFile: nil, catalog: Self.catalog,
            boundary: MigrationBoundary(tree: SourceBoundaryTree(source: MemoryFileSource(files: base)), label: "present at --base main")))
        #expect(report.findings.filter { $0.finding.ruleID == "migration/unsafe-index-creation" }.map(\.finding.path) == ["packages/db/drizzle/0002_index_name.sql"])
        #expect(report.migrationsApplied == 2)
        #expect(report.migrationsJudged == 1)
    }

    static let threeMigrations: [String: String] = [
        "drizzle/meta/_journal.json": """
            {"version": "7", "dialect": "postgresql", "entries": [
              {"idx": 0, "version": "7", "when": 1730419200000, "tag": "0000_init", "breakpoints": true},
              {"idx": 1, "version": "7", "when": 1730505600000, "tag": "0001_index_email", "breakpoints": true},
              {"idx": 2, "version": "7", "when": 1730592000000, "tag": "0002_index_name", "breakpoints": true}]}
            """,
        "drizzle/0000_init.sql": "CREATE TABLE \"users\" (\"id\" uuid PRIMARY KEY NOT NULL, \"email\" text, \"name\" text);\n",
        "drizzle/0001_index_email.sql": "CREATE INDEX \"users_email_idx\" ON \"users\" (\"email\");\n",
        "drizzle/0002_index_name.sql": "CREATE INDEX \"users_name_idx\" ON \"users\" (\"name\");\n",
    ]

    static func run(_ files: [String: String], config: String) throws -> Report {
        let configuration = try ConfigurationReader(catalog: catalog).read(Array(config.utf8), file: ".schemalint.yml")
        return try Engine.run(LintRequest(
            source: MemoryFileSource(files: files.mapValues { Array($0.utf8) }), configuration: configuration,
            configurationFile: SourceFile(path: ".schemalint.yml", bytes: Array(config.utf8)), catalog: catalog))
    }

    static func strippedFiles(_ example: ExampleCase) -> [String: [UInt8]] {
        example.example.files.mapValues { Markers.strip(Array($0.utf8)).0 }
    }
}
