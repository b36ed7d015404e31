import Core
import Foundation
import Linter
import Testing
import TestSupport

/// Statement-safety rules judge only migrations that can still change (SPEC §9), in real git repositories.
/// Every migration here builds an index on an existing table without `CONCURRENTLY`, so each judged one is a
/// `migration/unsafe-index-creation` finding.
@Suite struct AppliedMigrationsRunTests {
    static let rule = "migration/unsafe-index-creation"

    /// `main` with `0000_init` (the table) and `0001_index_a`, committed.
    static func repository(branch: String = "main") throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            if branch != "main" { try repo.git("checkout", "--quiet", "-b", branch) }
            try repo.write("drizzle/0000_init.sql", "CREATE TABLE \"users\" (\"id\" uuid PRIMARY KEY NOT NULL, \"a\" text, \"b\" text, \"c\" text);\n")
            try addMigration(repo, 1, "a")
            try repo.commitAll("two merged migrations")
        }
    }

    /// Writes `000N_index_<column>.sql` and the journal listing migrations 0…N.
    static func addMigration(_ repo: TemporaryRepository, _ number: Int, _ column: String) throws {
        try repo.write("drizzle/000\(number)_index_\(column).sql", "CREATE INDEX \"users_\(column)_idx\" ON \"users\" (\"\(column)\");\n")
        let tags = ["0000_init", "0001_index_a", "0002_index_b", "0003_index_c"].prefix(number + 1)
        let entries = tags.enumerated().map { index, tag in
            "{\"idx\": \(index), \"version\": \"7\", \"when\": \(1_700_000_000_000 + index * 1000), \"tag\": \"\(tag)\", \"breakpoints\": true}"
        }
        try repo.write("drizzle/meta/_journal.json", "{\"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": [\(entries.joined(separator: ", "))]}\n")
    }

    /// `0000_init` and `0001_index_a` staged in a repository without commits.
    static func stagedBeforeTheFirstCommit() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("drizzle/0000_init.sql", "CREATE TABLE \"users\" (\"id\" uuid PRIMARY KEY NOT NULL, \"a\" text, \"b\" text, \"c\" text);\n")
            try addMigration(repo, 1, "a")
            try repo.git("add", "--all")
        }
    }

    static func judged(_ report: Report) -> [String] {
        report.findings.filter { $0.finding.ruleID == rule }.map(\.finding.path)
    }

    @Test func onTheDefaultBranchTipCommittedMigrationsAreAppliedAndUncommittedOnesJudged() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let clean = try lint(repo.root)
        #expect(Self.judged(clean) == [])
        #expect((clean.migrationsJudged, clean.migrationsApplied) == (0, 2))
        #expect(clean.appliedBoundary == "committed on main")

        try Self.addMigration(repo, 2, "b")  // untracked
        let report = try lint(repo.root)
        #expect(Self.judged(report) == ["drizzle/0002_index_b.sql"])
        #expect((report.migrationsJudged, report.migrationsApplied) == (1, 2))
    }

    /// `--staged` looks HEAD up only when the rules ask: before the first commit there is no boundary, and every
    /// staged migration is judged.
    @Test func beforeTheFirstCommitEveryStagedMigrationIsJudged() throws {
        let repo = try Self.stagedBeforeTheFirstCommit()
        defer { repo.remove() }
        let report = try lint(repo.root, staged: true)
        #expect(Self.judged(report) == ["drizzle/0001_index_a.sql"])
        #expect((report.migrationsJudged, report.migrationsApplied) == (2, 0))
        #expect(report.appliedBoundary == nil)

        try repo.commitAll("first")
        try Self.addMigration(repo, 2, "b")
        try repo.git("add", "--all")
        let afterCommit = try lint(repo.root, staged: true)
        #expect(Self.judged(afterCommit) == ["drizzle/0002_index_b.sql"])
        #expect(afterCommit.appliedBoundary == "committed in HEAD")
    }

    @Test func onAFeatureBranchItsCommittedMigrationsAreJudged() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.git("checkout", "--quiet", "-b", "feature")
        try Self.addMigration(repo, 2, "b")
        try repo.commitAll("feature migration")
        // main moves on after the branch point: its new migration is not at the merge base either.
        let report = try lint(repo.root)
        #expect(Self.judged(report) == ["drizzle/0002_index_b.sql"])
        #expect(report.appliedBoundary?.hasPrefix("on main at the merge base ") == true)
    }

    @Test func stagedJudgesOnlyMigrationsNotInHead() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try Self.addMigration(repo, 2, "b")
        try repo.git("add", "--all")
        try Self.addMigration(repo, 3, "c")  // not staged: not part of the commit
        let report = try lint(repo.root, staged: true)
        #expect(Self.judged(report) == ["drizzle/0002_index_b.sql"])
        #expect((report.migrationsJudged, report.migrationsApplied) == (1, 2))
        #expect(report.appliedBoundary == "committed in HEAD")
        // Once committed, the same migration is applied as far as the next commit is concerned.
        try repo.git("commit", "--quiet", "--message", "b")
        #expect(Self.judged(try lint(repo.root, staged: true)) == [])
    }

    @Test func baseJudgesMigrationsNotAtTheBase() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.git("tag", "v1")
        try Self.addMigration(repo, 2, "b")
        try repo.commitAll("b")
        #expect(Self.judged(try lint(repo.root, base: "v1")) == ["drizzle/0002_index_b.sql"])
        #expect(Self.judged(try lint(repo.root, base: "HEAD~1")) == ["drizzle/0002_index_b.sql"])
        #expect(Self.judged(try lint(repo.root, base: "main")) == [])
    }

    @Test func sinceAsARefOrAMigrationOverridesTheDefaultBranch() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.git("tag", "v1")
        try Self.addMigration(repo, 2, "b")
        try repo.commitAll("b")
        try repo.write(".schemalint.yml", "migrations:\n  since: v1\n")
        let byTag = try lint(repo.root)
        #expect(Self.judged(byTag) == ["drizzle/0002_index_b.sql"])
        #expect(byTag.appliedBoundary == "present at `migrations.since: v1`")

        try repo.write(".schemalint.yml", "migrations:\n  since: 0000_init\n")
        #expect(Self.judged(try lint(repo.root)) == ["drizzle/0001_index_a.sql", "drizzle/0002_index_b.sql"])

        try repo.write(".schemalint.yml", "migrations:\n  since: v9\n")
        #expect(usageFailure(repo.root)?.contains("`migrations.since: v9` names no migration") == true)
    }

    @Test func originHeadComesBeforeALocalMain() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let pushed = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-ref", "refs/remotes/origin/main", pushed)
        try repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
        try Self.addMigration(repo, 2, "b")
        try repo.commitAll("committed on main, not pushed")
        let report = try lint(repo.root)
        #expect(Self.judged(report) == ["drizzle/0002_index_b.sql"])
        #expect(report.appliedBoundary?.hasPrefix("on origin/main at the merge base") == true)
    }

    @Test func masterIsTheLastFallback() throws {
        let repo = try Self.repository(branch: "master")
        defer { repo.remove() }
        #expect(try lint(repo.root).appliedBoundary == "committed on master")
    }

    @Test func withoutGitOrADefaultBranchEveryMigrationIsJudged() throws {
        let repo = try Self.repository(branch: "trunk")
        defer { repo.remove() }
        let noDefault = try lint(repo.root)
        #expect(Self.judged(noDefault) == ["drizzle/0001_index_a.sql"])
        #expect(noDefault.appliedBoundary == nil)

        let plain = repo.sandbox + "/plain"
        try FileManager.default.copyItem(atPath: repo.path("drizzle"), toPath: plain + "/drizzle")
        let outside = try lint(plain)
        #expect(Self.judged(outside) == ["drizzle/0001_index_a.sql"])
        #expect((outside.migrationsJudged, outside.migrationsApplied) == (2, 0))
    }

    @Test func anUnbornBranchJudgesEverything() throws {
        let repo = try Self.stagedBeforeTheFirstCommit()
        defer { repo.remove() }
        #expect(Self.judged(try lint(repo.root)) == ["drizzle/0001_index_a.sql"])
        #expect(Self.judged(try lint(repo.root, staged: true)) == ["drizzle/0001_index_a.sql"])
    }

    /// Checked from a subfolder, the repository is still read from its root (paths relative to it) and the
    /// boundary tree is looked up under the same prefix.
    @Test func aSubfolderLooksItsMigrationsUpUnderItsPrefix() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("apps/db/drizzle/0000_init.sql", "CREATE TABLE \"users\" (\"id\" uuid PRIMARY KEY NOT NULL, \"a\" text);\n")
            try repo.write("apps/db/drizzle/0001_index_a.sql", "CREATE INDEX \"users_a_idx\" ON \"users\" (\"a\");\n")
            try repo.write("apps/db/drizzle/meta/_journal.json", "{\"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": []}\n")
            try repo.commitAll("merged")
            try repo.write("apps/db/drizzle/0002_index_b.sql", "CREATE INDEX \"users_b_idx\" ON \"users\" (\"a\");\n")
        }
        defer { repo.remove() }
        let report = try lint(repo.path("apps/db"))
        #expect(Self.judged(report) == ["apps/db/drizzle/0002_index_b.sql"])
        #expect((report.migrationsJudged, report.migrationsApplied) == (1, 2))
    }
}
