import Foundation
import Testing
import TestSupport

/// The pre-commit framework (pre-commit.com) running schemalint's hook manifest for real.
///
/// `.pre-commit-hooks.yaml` says `language: swift`, so pre-commit would build this package in release mode on
/// first use (minutes). The default run therefore installs the same manifest with `language: system` and the
/// built binary as `entry`; the full `language: swift` round trip runs with `SCHEMALINT_SLOW_TESTS=1`.
@Suite(.enabled(if: ExternalTool.hasPreCommit, "pre-commit is not installed (pip install pre-commit): pre-commit framework tests skipped"))
struct PreCommitFrameworkTests {
    static let slowTestsEnabled = ProcessInfo.processInfo.environment["SCHEMALINT_SLOW_TESTS"] == "1"

    /// A repository with a committed clean Gist file, ready for a commit that adds a secret.
    static func project() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.commitAll("clean")
        }
    }

    /// A hook repository holding `.pre-commit-hooks.yaml` with `language: system` and the built binary as entry.
    static func localHookRepository(in sandbox: String) throws -> (path: String, revision: String) {
        let binary = try #require(BuiltBinary.url).path
        let manifest = try ProductRepository.text(".pre-commit-hooks.yaml")
        let local = manifest
            .replacingOccurrences(of: "  language: swift\n", with: "  language: system\n")
            .replacingOccurrences(of: "  entry: schemalint check --staged\n", with: "  entry: \(binary) check --staged\n")
        #expect(local.contains("language: system") && local.contains(binary), "the manifest's `language`/`entry` lines changed")
        let hooks = try TemporaryRepository.make { repo in
            try repo.write(".pre-commit-hooks.yaml", local)
            try repo.commitAll("hook manifest")
        }
        // Keep it inside the project's sandbox so one `remove()` cleans up both.
        let path = sandbox + "/hook-repository"
        try FileManager.default.moveItem(atPath: hooks.root, toPath: path)
        hooks.remove()
        let revision = try ExternalTool.run("git", ["-C", path, "rev-parse", "HEAD"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        return (path, revision)
    }

    @Test(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
    func aCommitWithASecretFailsAndAFixedOnePasses() throws {
        let repo = try Self.project()
        defer { repo.remove() }
        let hooks = try Self.localHookRepository(in: repo.sandbox)
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(hooks.path)
                rev: \(hooks.revision)
                hooks:
                  - id: schemalint

            """)
        let install = try ExternalTool.run("pre-commit", ["install"], in: repo.root, environment: repo.isolatedEnvironment)
        #expect(install.status == 0, "\(install.output)")

        try repo.write("gists/mail.json", GistText.secret)
        try repo.git("add", "--all")
        let failed = InstallHookTests.commitFailure(repo, ["commit", "--quiet", "-m", "add a secret"], [:])
        #expect(failed?.contains("gist/secret") == true, "\(failed ?? "the commit passed")")
        #expect(failed?.contains("Failed") == true)

        try repo.write("gists/mail.json", GistText.clean.replacingOccurrences(of: "3", with: "4"))
        try repo.git("add", "--all")
        #expect(InstallHookTests.commitFailure(repo, ["commit", "--quiet", "-m", "clean"], [:]) == nil)
    }

    @Test(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
    func tryRepoRunsTheManifestAgainstTheStagedFiles() throws {
        let repo = try Self.project()
        defer { repo.remove() }
        let hooks = try Self.localHookRepository(in: repo.sandbox)
        try repo.write("gists/mail.json", GistText.secret)
        try repo.git("add", "--all")
        let failed = try ExternalTool.run("pre-commit", ["try-repo", hooks.path, "schemalint"], in: repo.root, environment: repo.isolatedEnvironment)
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.output.contains("gist/secret"))

        try repo.write("gists/mail.json", GistText.clean.replacingOccurrences(of: "3", with: "4"))
        try repo.git("add", "--all")
        let passed = try ExternalTool.run("pre-commit", ["try-repo", hooks.path, "schemalint"], in: repo.root, environment: repo.isolatedEnvironment)
        #expect(passed.status == 0, "\(passed.output)")
    }

    /// The published manifest as is: pre-commit clones this repository and builds it with `swift build -c release`.
    @Test(.enabled(if: slowTestsEnabled, "set SCHEMALINT_SLOW_TESTS=1 to run pre-commit try-repo with language: swift (builds the package, minutes)"))
    func tryRepoWithLanguageSwiftBuildsAndRunsTheHook() throws {
        let repo = try Self.project()
        defer { repo.remove() }
        try repo.write("gists/mail.json", GistText.secret)
        try repo.git("add", "--all")
        let failed = try ExternalTool.run(
            "pre-commit", ["try-repo", ProductRepository.root.path, "schemalint", "--verbose"], in: repo.root, environment: repo.isolatedEnvironment)
        #expect(failed.status == 1, "\(failed.output)")
        #expect(failed.output.contains("gist/secret"))
        try repo.write("gists/mail.json", GistText.clean.replacingOccurrences(of: "3", with: "4"))
        try repo.git("add", "--all")
        let passed = try ExternalTool.run(
            "pre-commit", ["try-repo", ProductRepository.root.path, "schemalint"], in: repo.root, environment: repo.isolatedEnvironment)
        #expect(passed.status == 0, "\(passed.output)")
    }
}
