import Core
import Foundation
import Linter
import Testing
import TestSupport

/// `--changed-only` keeps findings whose file, or a file they depend on, changed.
@Suite struct ChangedOnlyTests {
    static func repository() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("gists/a.json", GistText.secret)
            try repo.write("gists/b.json", GistText.secret)
            try repo.write("gists/c.json", GistText.clean)
            try repo.commitAll("two findings already committed")
            try repo.write("gists/a.json", GistText.secret.replacingOccurrences(of: "mail", with: "smtp"))
            try repo.git("add", "gists/a.json")
            try repo.write("gists/c.json", GistText.secret)        // unstaged
            try repo.write("gists/d.json", GistText.broken)        // untracked
        }
    }

    @Test func stagedKeepsOnlyStagedChanges() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true).summaries == ["gist/secret gists/a.json", "gist/secret gists/b.json"])
        #expect(try lint(repo.root, staged: true, changedOnly: true).summaries == ["gist/secret gists/a.json"])
    }

    @Test func baseKeepsWorkTreeChangesAndUntrackedFiles() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        #expect(try lint(repo.root, base: "HEAD", changedOnly: true).summaries
            == ["gist/secret gists/a.json", "gist/secret gists/c.json", "gist/invalid-json gists/d.json"])
        // --staged --base: the index against the base.
        #expect(try lint(repo.root, staged: true, base: "HEAD", changedOnly: true).summaries == ["gist/secret gists/a.json"])
    }

    @Test func aRenamedFileCountsAsChanged() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.git("mv", "gists/b.json", "gists/renamed.json")
        #expect(try lint(repo.root, staged: true, changedOnly: true).summaries
            == ["gist/secret gists/a.json", "gist/secret gists/renamed.json"])
    }

    @Test func inASubfolderChangedPathsAreRelativeToTheRepositoryRoot() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("app/gists/a.json", GistText.clean)
            try repo.write("app/gists/b.json", GistText.secret)
            try repo.commitAll("base")
            try repo.write("app/gists/a.json", GistText.secret)
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        #expect(try lint(repo.path("app"), staged: true, changedOnly: true).summaries == ["gist/secret app/gists/a.json"])
    }

    @Test func aFindingIsKeptWhenARelatedFileChanged() {
        let filter = ChangedOnlyFilter(changedPaths: ["drizzle/meta/_journal.json"])
        let finding = { (path: String, related: [String]) in
            Finding(ruleID: "migration/journal-mismatch", severity: .error, path: path, range: 0..<1, message: "m", help: "h", relatedPaths: related)
        }
        #expect(filter.keeps(finding("drizzle/0001_x.sql", ["drizzle/meta/_journal.json"])))
        #expect(!filter.keeps(finding("drizzle/0001_x.sql", ["drizzle/meta/0001_snapshot.json"])))
        #expect(filter.keeps(finding("drizzle/meta/_journal.json", [])))
    }

    @Test func changedOnlyAloneIsAUsageError() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        #expect(usageFailure(repo.root, changedOnly: true)?.contains("--changed-only needs --staged or --base") == true)
    }
}
