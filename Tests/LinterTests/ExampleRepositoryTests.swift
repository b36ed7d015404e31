import Core
import Foundation
import Linter
import RuleEngine
import Reporters
import Testing

/// `check` on the bundled examples: `examples/subscriptions` matches its golden JSON report (every rule that
/// exists fires there), and `examples/clean` has no findings at all.
@Suite struct ExampleRepositoryTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/subscriptions.json")

    static func report(_ name: String) throws -> (Report, RuleCatalog) {
        let catalog = try RuleCatalog.builtIn.get()
        let folder = examples.appendingPathComponent(name)
        let (configuration, file) = try ConfigurationLoading.load(for: folder, explicitPath: nil, catalog: catalog)
        let report = try Engine.run(LintRequest(
            source: WorkTreeSource(root: folder), configuration: configuration, configurationFile: file, catalog: catalog))
        return (report, catalog)
    }

    @Test func subscriptionsMatchesGoldenReport() throws {
        let (report, catalog) = try Self.report("subscriptions")
        let json = JSONReporter().render(report, RenderContext(toolVersion: "golden", catalog: catalog))
        if ProcessInfo.processInfo.environment["SCHEMALINT_UPDATE_GOLDEN"] == "1" {
            try json.write(to: Self.golden, atomically: false, encoding: .utf8)
            return
        }
        #expect(json == (try String(contentsOf: Self.golden, encoding: .utf8)), "rerun with SCHEMALINT_UPDATE_GOLDEN=1 after checking the change")
    }

    @Test func everyRuleFiresOnSubscriptions() throws {
        let (report, catalog) = try Self.report("subscriptions")
        let fired = Set(report.findings.map(\.finding.ruleID))
        // Rules that need a git base or a suppression comment cannot fire on a plain folder; replay rules need a server.
        let needsContext: Set<String> = ["migration/edited-after-merge", UnusedSuppression.id]
        let missing = Set(RuleRegistry.ids).subtracting(fired).subtracting(needsContext).subtracting(RuleRegistry.replayRuleIDs)
        #expect(missing.isEmpty, "rules that never fire on examples/subscriptions: \(missing.sorted())")
        _ = catalog
    }

    @Test func cleanHasNoFindings() throws {
        let (report, _) = try Self.report("clean")
        #expect(report.findings.map { "\($0.finding.path):\($0.start.line) \($0.finding.ruleID) \($0.finding.message)" } == [])
        #expect(CheckRunner.exitCode(for: report, maxWarnings: 0) == 0)
    }
}
