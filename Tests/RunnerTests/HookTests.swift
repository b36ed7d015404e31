import Foundation
import Linter
import Testing
import TestSupport

/// The repository's own files, found from this source file (symlinks resolved, so harness checkouts work).
enum ProductRepository {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }
}

@Suite struct HookScriptTests {
    @Test func theInstalledScriptIsHooksPreCommitByteForByte() throws {
        #expect(try ProductRepository.text("hooks/pre-commit") == GitHookScript.preCommit)
        #expect(GitHookScript.preCommit.contains(GitHookScript.marker))
        #expect(GitHookScript.preCommit.hasPrefix("#!/bin/sh\n"))
    }

    @Test func theScriptIsValidPOSIXShell() throws {
        let checked = try ExternalTool.run("sh", ["-n", ProductRepository.root.appendingPathComponent("hooks/pre-commit").path])
        #expect(checked.status == 0, "\(checked.output)")
        let mode = try FileManager.default.attributesOfItem(atPath: ProductRepository.root.appendingPathComponent("hooks/pre-commit").path)[.posixPermissions] as? Int
        #expect((mode ?? 0) & 0o111 != 0, "hooks/pre-commit must be executable")
    }

    @Test func thePreCommitFrameworkManifestRunsCheckStaged() throws {
        let manifest = try ProductRepository.text(".pre-commit-hooks.yaml")
        for line in ["- id: schemalint", "entry: schemalint check --staged", "language: swift", "pass_filenames: false", "require_serial: true"] {
            #expect(manifest.contains("\n" + (line.hasPrefix("-") ? "" : "  ") + line + "\n"), "missing `\(line)`")
        }
    }
}

/// `schemalint install-hook` and the hook itself, run for real: the built binary, git and its hooks.
@Suite(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
struct InstallHookTests {
    static func installHook(_ repo: TemporaryRepository, _ extra: [String] = [], in folder: String? = nil) throws -> ChildProcess.Outcome {
        try BuiltBinary.run(["install-hook"] + extra, in: folder ?? repo.root, base: repo.isolatedEnvironment)
    }

    @Test func installsThenRecognisesAndUpdatesItsOwnHook() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let hook = repo.path(".git/hooks/pre-commit")
        let first = try Self.installHook(repo)
        #expect(first.status == 0)
        #expect(first.output == "installed \(hook)\n")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == GitHookScript.preCommit)
        #expect(FileManager.default.isExecutableFile(atPath: hook))
        #expect(try Self.installHook(repo).output == "\(hook) is already up to date\n")
        // An older version of our own hook is replaced without --force.
        try Data((GitHookScript.preCommit + "# older version\n").utf8).write(to: URL(fileURLWithPath: hook))
        #expect(try Self.installHook(repo).output == "updated \(hook)\n")
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == GitHookScript.preCommit)
    }

    @Test func refusesAForeignHookUnlessForced() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let hook = repo.path(".git/hooks/pre-commit")
        let foreign = "#!/bin/sh\necho mine\n"
        try repo.write(".git/hooks/pre-commit", foreign)
        let refused = try Self.installHook(repo)
        #expect(refused.status == 2)
        #expect(refused.errors.contains("already exists and was not written by schemalint"))
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == foreign)

        let forced = try Self.installHook(repo, ["--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: hook, encoding: .utf8) == GitHookScript.preCommit)
        #expect(try String(contentsOfFile: hook + ".schemalint-backup", encoding: .utf8) == foreign)
    }

    @Test func followsCoreHooksPathAndWorktrees() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("README", "x\n")
            try repo.commitAll("base")
            try repo.git("worktree", "add", "--quiet", repo.sandbox + "/linked")
        }
        defer { repo.remove() }
        // From a linked worktree: the hooks of the common git folder (git runs those for every worktree).
        #expect(try Self.installHook(repo, in: repo.sandbox + "/linked").status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.path(".git/hooks/pre-commit")))

        try repo.git("config", "core.hooksPath", ".githooks")
        let custom = try Self.installHook(repo, in: repo.path(""))
        #expect(custom.status == 0)
        #expect(custom.output == "installed \(repo.path(".githooks/pre-commit"))\n")
    }

    @Test(arguments: [
        (".pre-commit-config.yaml", "repo: local"),
        ("lefthook.yml", "run: schemalint check --staged"),
        (".husky/pre-commit", "add this line to .husky/pre-commit"),
    ])
    func aHookManagerGetsChainingAdviceInstead(file: String, advice: String) throws {
        let repo = try TemporaryRepository.make { repo in try repo.write(file, "\n") }
        defer { repo.remove() }
        let run = try Self.installHook(repo)
        #expect(run.status == 2)
        #expect(run.errors.contains(advice))
        #expect(!FileManager.default.fileExists(atPath: repo.path(".git/hooks/pre-commit")))
        #expect(try Self.installHook(repo, ["--force"]).status == 0)
    }

    @Test func outsideARepositoryIsAUsageError() throws {
        let repo = try TemporaryRepository()
        defer { repo.remove() }
        let run = try BuiltBinary.run(["install-hook"], in: repo.sandbox + "/home", base: repo.isolatedEnvironment)
        #expect(run.status == 2)
        #expect(run.errors.contains("is not in a git work tree"))
    }

    /// `git commit` with the installed hook: blocked with findings (also for `git commit -a`, which stages into a
    /// temporary index), allowed once fixed.
    @Test func theHookBlocksACommitWithFindingsAndAllowsAFixedOne() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.commitAll("clean")
        }
        defer { repo.remove() }
        #expect(try Self.installHook(repo).status == 0)
        let binary = try #require(BuiltBinary.url).path
        let environment = ["SCHEMALINT": binary]

        try repo.write("gists/mail.json", GistText.secret)
        try repo.git("add", "gists/mail.json")
        let blocked = Self.commitFailure(repo, ["commit", "--quiet", "-m", "secret"], environment)
        #expect(blocked?.contains("gist/secret") == true)
        #expect(blocked?.contains("the staged changes have findings") == true)
        #expect(blocked?.contains("git commit --no-verify") == true)

        // `git commit -a`: the index is clean, the work tree is not; the hook sees git's temporary index.
        try repo.git("reset", "--quiet")
        #expect(Self.commitFailure(repo, ["commit", "--quiet", "-a", "-m", "secret"], environment)?.contains("gist/secret") == true)

        try repo.write("gists/mail.json", GistText.clean.replacingOccurrences(of: "3", with: "5"))
        #expect(Self.commitFailure(repo, ["commit", "--quiet", "-a", "-m", "fixed"], environment) == nil)

        // Found on PATH when SCHEMALINT is not set.
        try repo.write("gists/mail.json", GistText.secret)
        let path = (binary as NSString).deletingLastPathComponent + ":" + (repo.isolatedEnvironment["PATH"] ?? "/usr/bin:/bin")
        #expect(Self.commitFailure(repo, ["commit", "--quiet", "-a", "-m", "secret"], ["PATH": path])?.contains("gist/secret") == true)
    }

    /// Findings already committed block an unrelated commit too; the hook says they predate it and how to
    /// accept them (a baseline) or check only changes, instead of blaming the staged changes.
    @Test func findingsThatPredateTheChangeGetAdoptionAdvice() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/old.json", GistText.secret)
            try repo.write("gists/mail.json", GistText.clean)
            try repo.commitAll("a finding committed before the hook")
        }
        defer { repo.remove() }
        #expect(try Self.installHook(repo).status == 0)
        let environment = ["SCHEMALINT": try #require(BuiltBinary.url).path]
        try repo.write("gists/mail.json", GistText.clean.replacingOccurrences(of: "3", with: "4"))
        let blocked = try #require(Self.commitFailure(repo, ["commit", "--quiet", "-a", "-m", "unrelated"], environment))
        #expect(blocked.contains("gists/old.json"))
        #expect(blocked.contains("they predate it"))
        #expect(blocked.contains("schemalint baseline"))
        #expect(blocked.contains("--changed-only"))
        #expect(!blocked.contains("the staged changes have findings"))
    }

    /// The standard error of a failed `git …`, or nil when it succeeded.
    static func commitFailure(_ repo: TemporaryRepository, _ arguments: [String], _ environment: [String: String]) -> String? {
        do {
            try repo.git(arguments, environment: environment)
            return nil
        } catch let failure as GitCommandFailure {
            return failure.errorOutput
        } catch {
            return "\(error)"
        }
    }
}
