import Core
import Foundation
import Linter
import Testing
import TestSupport

/// `check --staged` reads every input from the index (SPEC §9).
@Suite struct StagedModeTests {
    @Test func reportsADefectThatExistsOnlyInTheStagedVersion() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.commitAll("clean")
            try repo.write("gists/mail.json", GistText.secret)
            try repo.git("add", "gists/mail.json")
            try repo.write("gists/mail.json", GistText.clean)  // the work tree is clean again
        }
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true).summaries == ["gist/secret gists/mail.json"])
        #expect(try lint(repo.root).summaries == [])
    }

    @Test func ignoresADefectThatExistsOnlyInTheWorkTree() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.write("gists/other.json", GistText.clean)
            try repo.commitAll("clean")
            try repo.write("gists/mail.json", GistText.secret)    // unstaged
            try repo.write("gists/new.json", GistText.broken)     // untracked
        }
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true).summaries == [])
        #expect(try lint(repo.root).summaries == ["gist/secret gists/mail.json", "gist/invalid-json gists/new.json"])
    }

    @Test func readsAnInvalidJSONFileAsStaged() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/a.json", "{\n  \"staged\": true,\n}\n")
            try repo.git("add", "gists/a.json")
            try repo.write("gists/a.json", GistText.clean)
        }
        defer { repo.remove() }
        let report = try lint(repo.root, staged: true)
        #expect(report.summaries == ["gist/invalid-json gists/a.json"])
        // The location and the quoted line come from the staged bytes, not from the work tree.
        #expect(report.findings.first?.start.line == 2)
        #expect(report.findings.first?.sourceLine == "  \"staged\": true,")
        #expect(report.files == ["gists/a.json"])
    }

    @Test func theConfigurationIsReadAsStaged() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.secret)
            try repo.write(".schemalint.yml", "rules:\n  gist/secret: off\n")
            try repo.git("add", "--all")
            // Partially staged configuration: the work tree turns the rule back on.
            try repo.write(".schemalint.yml", "rules:\n  gist/secret: error\n")
        }
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true).summaries == [])
        #expect(try lint(repo.root).summaries == ["gist/secret gists/mail.json"])
    }

    @Test func anUnstagedConfigurationIsNotPartOfTheCommit() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.secret)
            try repo.git("add", "--all")
            try repo.write(".schemalint.yml", "rules:\n  gist/secret: off\n")  // untracked
        }
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true).summaries == ["gist/secret gists/mail.json"])
    }

    @Test func aSubfolderIsCheckedWithPathsRelativeToIt() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("app/gists/mail.json", GistText.secret)
            try repo.write("gists/outside.json", GistText.secret)
            try repo.write("app/.schemalint.yml", "rules:\n  gist/secret: warning\n")
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        var options = CheckOptions()
        options.paths = [repo.path("app")]
        options.staged = true
        let (report, prefix) = try CheckRunner(options: options, environment: [:]).lint(catalog: try RuleCatalog.builtIn.get())
        #expect(prefix == "app/")
        #expect(report.summaries == ["gist/secret gists/mail.json"])
        #expect(report.findings.first?.finding.severity == .warning)
        // The same folder in the work tree reports the same paths and fingerprints.
        let workTree = try lint(repo.path("app"))
        #expect(workTree.findings.map(\.fingerprint) == report.findings.map(\.fingerprint))
    }

    @Test func aConfigurationInAParentFolderIsFoundInTheIndex() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("app/gists/mail.json", GistText.secret)
            try repo.write(".schemalint.yml", "rules:\n  gist/secret: info\n")
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        let report = try lint(repo.path("app"), staged: true)
        #expect(report.findings.map(\.finding.severity) == [.info])
    }

    @Test func worksFromAGitWorktree() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.commitAll("clean")
            try repo.git("worktree", "add", "--quiet", repo.sandbox + "/linked")
        }
        defer { repo.remove() }
        let linked = repo.sandbox + "/linked"
        try Data(GistText.secret.utf8).write(to: URL(fileURLWithPath: linked + "/gists/mail.json"))
        try repo.git(["add", "gists/mail.json"], in: linked)
        #expect(try lint(linked, staged: true).summaries == ["gist/secret gists/mail.json"])
        #expect(try lint(repo.root, staged: true).summaries == [])
    }

    @Test func theIndexNamedByGitIndexFileIsRead() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.commitAll("clean")
            try repo.write("gists/mail.json", GistText.secret)
            // What `git commit -a` does: stage into a temporary index and run the hook against it.
            try repo.git(["add", "gists/mail.json"], environment: ["GIT_INDEX_FILE": repo.sandbox + "/commit-index"])
        }
        defer { repo.remove() }
        #expect(try lint(repo.root, staged: true).summaries == [])
        let report = try lint(repo.root, staged: true, environment: ["GIT_INDEX_FILE": repo.sandbox + "/commit-index"])
        #expect(report.summaries == ["gist/secret gists/mail.json"])
    }

    @Test func symlinksAndDependencyFoldersInTheIndexAreNotInputs() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.write("node_modules/pkg/gists/bad.json", GistText.secret)
            try FileManager.default.createSymbolicLink(atPath: repo.path("gists/link.json"), withDestinationPath: "mail.json")
            try repo.git("add", "--all", "--force")
        }
        defer { repo.remove() }
        let report = try lint(repo.root, staged: true)
        #expect(report.files == ["gists/mail.json"])
    }
}
