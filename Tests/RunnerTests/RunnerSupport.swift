import Core
import Foundation
import Linter
import TestSupport

/// Runs `check` in process on a folder and returns the report, so tests can look at findings directly.
/// The environment is explicit (empty by default) so a `GIT_INDEX_FILE` of an enclosing git hook never leaks in.
func lint(
    _ folder: String, staged: Bool = false, base: String? = nil, changedOnly: Bool = false,
    environment: [String: String] = [:]
) throws -> Report {
    var options = CheckOptions()
    options.paths = [folder]
    options.staged = staged
    options.base = base
    options.changedOnly = changedOnly
    return try CheckRunner(options: options, environment: environment).lint(catalog: try RuleCatalog.builtIn.get()).report
}

/// The failure message of a run that must end with exit 2.
func usageFailure(
    _ folder: String, staged: Bool = false, base: String? = nil, changedOnly: Bool = false
) -> String? {
    do {
        _ = try lint(folder, staged: staged, base: base, changedOnly: changedOnly)
        return nil
    } catch let failure as UsageFailure {
        return failure.message
    } catch {
        return "unexpected error: \(error)"
    }
}

extension Report {
    /// `rule path` of every finding, for compact expectations.
    var summaries: [String] { findings.map { "\($0.finding.ruleID) \($0.finding.path)" } }
}

/// Gist contents used across the tests: one with a literal credential (`gist/secret`), one clean, one broken.
enum GistText {
    static let secret = "{\n  \"service\": \"mail\",\n  \"password\": \"hunter2-real\"\n}\n"
    static let clean = "{\n  \"service\": \"mail\",\n  \"retries\": 3\n}\n"
    static let broken = "{\n  \"service\": \"mail\",\n}\n"
}
