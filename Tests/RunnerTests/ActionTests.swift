import Foundation
import Testing
import TestSupport

/// The composite GitHub Action (action.yml): its metadata validated and its steps run as the runner runs them, by
/// action/test-action.py, in a pull-request workspace with the base branch as `origin/main`. No network: the cache
/// is a hit (the built binary is put where the build step would leave it) and the SARIF upload is simulated.
@Suite(.enabled(if: DocumentedSetupTests.hasPyYAML, "python3 with PyYAML is missing: the action's steps are not run"))
struct ActionTests {
    /// A copy of what the action reads from its own folder (the metadata, its scripts, the sources it hashes).
    static func actionFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-action-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["action.yml", "action", "Package.swift", "Sources", "rules", "Plugins"] {
            try FileManager.default.copyItem(at: ProductRepository.root.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    static func workspace() throws -> TemporaryRepository {
        let repo = try TemporaryRepository()
        let example = ProductRepository.root.appendingPathComponent("examples/subscriptions").path
        for name in try FileManager.default.contentsOfDirectory(atPath: example) {
            try FileManager.default.copyItem(atPath: example + "/" + name, toPath: repo.root + "/" + name)
        }
        _ = try repo.commitAll("base")
        _ = try repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
        _ = try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("gists/new.json", "{\n  \"apiKey\": \"sk_live_0123456789abcdefghijklmn\"\n}\n")
        _ = try repo.commitAll("feature")
        return repo
    }

    func run(_ inputs: [String], action: URL, workspace: TemporaryRepository) throws -> ExternalTool.Outcome {
        let binary = try #require(BuiltBinary.url, BuiltBinary.missing)
        let script = ProductRepository.root.appendingPathComponent("action/test-action.py").path
        return try ExternalTool.run("python3", [script, "--workspace", workspace.root, "--action-path", action.path,
                                                "--binary", binary.path, "--base-ref", "main"] + inputs.flatMap { ["--input", $0] })
    }

    @Test func stepsRunAndTheFailLevelDecides() throws {
        let action = try Self.actionFolder()
        defer { try? FileManager.default.removeItem(at: action) }
        let workspace = try Self.workspace()
        defer { workspace.remove() }

        let failing = try run([], action: action, workspace: workspace)
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.contains("- Cache the build: ok (cache hit"))
        #expect(failing.output.contains("- Build schemalint: skipped"))
        #expect(failing.output.contains("output exit-code=1"))
        #expect(failing.output.contains("- Upload to code scanning: ok (would upload"))
        #expect(failing.output.contains("::error file=gists/new.json"), "annotations for the pull request")
        #expect(failing.output.contains("- Apply the fail level: FAILED"))
        #expect(failing.output.contains("result: failure"))

        let lenient = try run(["fail-level=none", "path=gists"], action: action, workspace: workspace)
        #expect(lenient.status == 0, "\(lenient.output)")
        #expect(lenient.output.contains("result: success"))
    }

    @Test func invalidMetadataIsRejected() throws {
        let action = try Self.actionFolder()
        defer { try? FileManager.default.removeItem(at: action) }
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let metadata = action.appendingPathComponent("action.yml")
        let original = try String(contentsOf: metadata, encoding: .utf8)
        let broken = original.replacingOccurrences(of: "      shell: bash\n      run: bash \"$GITHUB_ACTION_PATH/action/build.sh\"",
                                                   with: "      run: bash \"$GITHUB_ACTION_PATH/action/build.sh\"")
            .replacingOccurrences(of: "${{ inputs.fail-level }}", with: "${{ inputs.fail-levels }}")
        #expect(broken != original)
        try broken.write(to: metadata, atomically: true, encoding: .utf8)
        let outcome = try run([], action: action, workspace: workspace)
        #expect(outcome.status == 2)
        #expect(outcome.output.contains("Build schemalint: composite `run` steps need `shell`"))
        #expect(outcome.output.contains("`inputs.fail-levels` is not declared"))
    }
}
