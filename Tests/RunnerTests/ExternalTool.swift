import Foundation
import TestSupport

/// Tools from PATH (python3, pre-commit, lefthook) for tests that use real peers; the flags decide skips.
enum ExternalTool {
    struct Outcome {
        var status: Int32
        /// Standard output followed by standard error.
        var output: String
    }

    static func run(
        _ command: String, _ arguments: [String], input: String = "", in folder: String? = nil,
        environment: [String: String]? = nil
    ) throws -> Outcome {
        let outcome = try ChildProcess.runTool(command, arguments, in: folder, environment: environment, input: input)
        return Outcome(status: outcome.status, output: outcome.output + outcome.errors)
    }

    /// True when `command arguments…` runs and exits 0.
    static func succeeds(_ command: String, _ arguments: [String]) -> Bool {
        (try? run(command, arguments).status) == 0
    }

    static let hasJSONSchema = succeeds("python3", ["-c", "import jsonschema"])
    static let hasPreCommit = succeeds("pre-commit", ["--version"])
    static let hasPython = succeeds("python3", ["--version"])
}
