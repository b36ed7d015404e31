import Foundation
import Testing
import TestSupport

/// The setups docs/running.md shows, taken from the document itself and run where this machine can run them.
@Suite struct DocumentedSetupTests {
    /// The fenced block whose first line is `# <name>` (the file the snippet belongs in), without that line.
    static func snippet(_ name: String) throws -> String {
        let document = try ProductRepository.text("docs/running.md")
        let blocks = document.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        for block in blocks {
            var lines = block.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()  // the language
            guard lines.first == "# \(name)" else { continue }
            lines = lines.dropFirst()
            return lines.joined(separator: "\n")
        }
        throw SnippetMissing(name: name)
    }

    struct SnippetMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "docs/running.md has no block starting with `# \(name)`" }
    }

    static let hasLefthook = ExternalTool.succeeds("lefthook", ["version"])
    static let hasPyYAML = ExternalTool.succeeds("python3", ["-c", "import yaml"])

    /// A repository whose commit would add a secret, with the built binary on PATH as `schemalint`.
    static func repositoryWithStagedSecret() throws -> (TemporaryRepository, [String: String]) {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.commitAll("clean")
            try repo.write("gists/mail.json", GistText.secret)
            try repo.git("add", "gists/mail.json")
        }
        var environment = repo.isolatedEnvironment
        let folder = try #require(BuiltBinary.url).deletingLastPathComponent().path
        environment["PATH"] = folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return (repo, environment)
    }

    @Test(.enabled(if: hasLefthook && BuiltBinary.isAvailable, "lefthook (pip install lefthook) or the built binary is missing: lefthook setup not run"))
    func lefthookBlocksTheCommit() throws {
        let (repo, environment) = try Self.repositoryWithStagedSecret()
        defer { repo.remove() }
        try repo.write("lefthook.yml", try Self.snippet("lefthook.yml"))
        let install = try ExternalTool.run("lefthook", ["install"], in: repo.root, environment: environment)
        #expect(install.status == 0, "\(install.output)")
        let blocked = InstallHookTests.commitFailure(repo, ["commit", "--quiet", "-m", "secret"], environment)
        #expect(blocked?.contains("gist/secret") == true, "\(blocked ?? "the commit passed")")
        try repo.write("gists/mail.json", GistText.clean.replacingOccurrences(of: "3", with: "4"))
        try repo.git("add", "gists/mail.json")
        #expect(InstallHookTests.commitFailure(repo, ["commit", "--quiet", "-m", "clean"], environment) == nil)
    }

    /// husky v9 runs `.husky/pre-commit` with `sh` from the repository root; without npm here, git runs it directly.
    @Test(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
    func huskyHookFileBlocksTheCommit() throws {
        let (repo, environment) = try Self.repositoryWithStagedSecret()
        defer { repo.remove() }
        try repo.write(".husky/pre-commit", "#!/bin/sh\n" + (try Self.snippet(".husky/pre-commit")))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: repo.path(".husky/pre-commit"))
        try repo.git("config", "core.hooksPath", ".husky")
        let blocked = InstallHookTests.commitFailure(repo, ["commit", "--quiet", "-m", "secret"], environment)
        #expect(blocked != nil)
        #expect(try BuiltBinary.run(["check", "--staged"], in: repo.root, base: environment).output.contains("gist/secret"))
    }

    @Test(.enabled(if: hasPyYAML, "python3 with PyYAML is missing: CI snippets not parsed"))
    func ciSnippetsAreValidYAMLWithTheDocumentedKeys() throws {
        let script = """
            import json, sys, yaml
            print(json.dumps(yaml.safe_load(sys.stdin.read())))
            """
        func parse(_ name: String) throws -> [String: Any] {
            let run = try ExternalTool.run("python3", ["-c", script], input: try Self.snippet(name))
            #expect(run.status == 0, "\(name): \(run.output)")
            return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        }
        let workflow = try parse(".github/workflows/schemalint.yml")
        let steps = try #require(((workflow["jobs"] as? [String: Any])?["schemalint"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        #expect(steps.contains { ($0["run"] as? String)?.contains("--format sarif --output schemalint.sarif") == true })

        let gitlab = try parse(".gitlab-ci.yml")
        let job = try #require(gitlab["schemalint"] as? [String: Any])
        #expect(((job["artifacts"] as? [String: Any])?["reports"] as? [String: Any])?["junit"] as? String == "schemalint-junit.xml")

        let preCommit = try parse(".pre-commit-config.yaml")
        #expect((preCommit["repos"] as? [[String: Any]])?.first?["hooks"] != nil)
    }
}
