import Core
import Foundation
import Linter
import Testing
import TestSupport

/// A plain or `--base` run inside git reads the work tree as a commit can hold it: files git ignores (and does not
/// track) are not inputs, and a migration file missing from every commit because a `.gitignore` pattern matches it
/// is reported with that cause.
@Suite struct GitIgnoredFilesTests {
    static let journal = """
        {"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1730419200000,"tag":"0000_init","breakpoints":true}]}

        """
    static let migration = "CREATE TABLE \"plans\" (\"id\" uuid PRIMARY KEY NOT NULL);\n"

    /// A journal folder whose SQL file a `*.sql` pattern keeps out of git, as a real project did by accident.
    static func repositoryIgnoringItsMigration() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write(".gitignore", "*.sql\n")
            try repo.write("drizzle/meta/_journal.json", journal)
            try repo.write("drizzle/0000_init.sql", migration)
            try repo.commitAll("journal without its SQL")
        }
    }

    @Test func anIgnoredMigrationOnDiskIsReportedAsIgnoredNotRead() throws {
        let repo = try Self.repositoryIgnoringItsMigration()
        defer { repo.remove() }
        let report = try lint(repo.root)
        // (The fixture has no snapshot: that finding is not the subject here.)
        let findings = report.findings.map(\.finding).filter { $0.ruleID == "migration/journal-mismatch" && $0.message.contains(".sql") }
        #expect(findings.count == 1, "\(report.summaries)")
        #expect(findings.first?.message.contains("`0000_init.sql` is on disk but git ignores it") == true, "\(findings.map(\.message))")
        #expect(findings.first?.help.contains("`git add -f` on `0000_init.sql`") == true)
        // Not read: nothing is said about the statements of a file no commit has.
        #expect(!report.findings.contains { $0.finding.path == "drizzle/0000_init.sql" }, "\(report.summaries)")
    }

    @Test func theSameFileTrackedDespiteThePatternIsRead() throws {
        let repo = try Self.repositoryIgnoringItsMigration()
        defer { repo.remove() }
        _ = try repo.git(["add", "-f", "drizzle/0000_init.sql"])
        try repo.commitAll("force-add")
        let report = try lint(repo.root)
        #expect(!report.findings.contains { $0.finding.ruleID == "migration/journal-mismatch" && $0.finding.message.contains(".sql") },
                "\(report.findings.map(\.finding.message))")
    }

    /// The migrations with a stray copy in an ignored build folder (a journal entry without its SQL file there).
    static func repositoryWithABuildCopy(ignoring patterns: String) throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write(".gitignore", patterns)
            try repo.write("drizzle/meta/_journal.json", journal)
            try repo.write("drizzle/0000_init.sql", migration)
            try repo.write("out/drizzle/meta/_journal.json", journal)
            try repo.commitAll("migrations")
        }
    }

    @Test func anIgnoredBuildCopyOfTheMigrationsIsNotAnInput() throws {
        let repo = try Self.repositoryWithABuildCopy(ignoring: "out/\n")
        defer { repo.remove() }
        let report = try lint(repo.root)
        #expect(!report.findings.contains { $0.finding.path.hasPrefix("out/") }, "\(report.summaries)")
        // Outside git the same folder is an input: the filter is git's, not a name list.
        try FileManager.default.removeItem(atPath: repo.root + "/.git")
        let plain = try lint(repo.root)
        #expect(plain.findings.contains { $0.finding.path == "out/drizzle/meta/_journal.json" }, "\(plain.summaries)")
    }

    @Test func fromASubfolderPathsStayRelativeToIt() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write(".gitignore", "*.sql\n")
            try repo.write("packages/db/drizzle/meta/_journal.json", Self.journal)
            try repo.write("packages/db/drizzle/0000_init.sql", Self.migration)
            try repo.commitAll("journal without its SQL")
        }
        defer { repo.remove() }
        let report = try lint(repo.root + "/packages/db")
        let findings = report.findings.map(\.finding).filter { $0.ruleID == "migration/journal-mismatch" && $0.message.contains(".sql") }
        #expect(findings.count == 1 && findings[0].message.contains("git ignores it"), "\(findings.map(\.message))")
        #expect(findings.first?.path == "packages/db/drizzle/meta/_journal.json")
    }

    /// The language server checks the same work tree with its open buffers over it: a file git ignores is no input
    /// there either, even while the editor has it open, and a missing migration is explained the same way.
    @Test func theEditorsBuffersLieOverTheSameVisibleWorkTree() throws {
        let repo = try Self.repositoryWithABuildCopy(ignoring: "out/\n*.sql\n")
        defer { repo.remove() }
        var options = CheckOptions()
        options.paths = [repo.root]
        let root = URL(fileURLWithPath: repo.root).standardizedFileURL.path
        options.buffers = [root + "/out/drizzle/meta/_journal.json": Array(Self.journal.utf8),
                           root + "/drizzle/meta/_journal.json": Array(Self.journal.utf8)]
        let editor = try CheckRunner(options: options, environment: [:]).lintFolder(catalog: try RuleCatalog.builtIn.get()).report
        #expect(!editor.findings.contains { $0.finding.path.hasPrefix("out/") }, "\(editor.summaries)")
        let ignoredSQL = editor.findings.map(\.finding).filter { $0.ruleID == "migration/journal-mismatch" && $0.message.contains(".sql") }
        #expect(ignoredSQL.count == 1 && ignoredSQL[0].message.contains("git ignores it"), "\(ignoredSQL.map(\.message))")
        #expect(editor.summaries == (try lint(repo.root)).summaries)
    }
}
