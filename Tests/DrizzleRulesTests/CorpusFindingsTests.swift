import Core
import Foundation
import Linter
import RuleEngine
import TestSupport
import Testing

/// Runs every `drizzle/` rule over the real projects of ../shared/corpus/drizzle. Findings must be well-formed
/// (inside a file that was read, within its bytes, styled messages); the per-rule counts are printed for review.
/// Which findings are expected, per repository, is asserted by LinterTests/CorpusGoldenTests.
@Suite struct CorpusFindingsTests {
    static let repositories: [String] = {
        guard let root = SharedFolder.path("corpus/drizzle") else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { !$0.hasSuffix(".md") }.sorted()
    }()

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)), arguments: repositories)
    func drizzleFindingsAreWellFormed(_ repository: String) throws {
        let root = try #require(SharedFolder.path("corpus/drizzle/\(repository)"))
        let catalog = try RuleCatalog.builtIn.get()
        let folder = URL(fileURLWithPath: root)
        let (configuration, file) = try ConfigurationLoading.load(for: folder, explicitPath: nil, catalog: catalog)
        let report = try Engine.run(LintRequest(
            source: WorkTreeSource(root: folder), configuration: configuration, configurationFile: file, catalog: catalog))
        let findings = report.findings.filter { $0.finding.ruleID.hasPrefix("drizzle/") || $0.finding.ruleID.hasPrefix("schema/") }
        var counts: [String: Int] = [:]
        for located in findings {
            let finding = located.finding
            counts[finding.ruleID, default: 0] += 1
            let size = (try? Data(contentsOf: folder.appendingPathComponent(finding.path)).count) ?? -1
            #expect(size >= 0, "\(repository): finding in a file that does not exist: \(finding.path)")
            #expect(finding.range.upperBound <= size, "\(repository): \(finding.path) range \(finding.range) past the end (\(size) bytes)")
            #expect(!finding.message.hasSuffix(".") && !finding.message.contains("\n"), "\(repository): \(finding.message)")
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print("CORPUS \(repository): \(summary.isEmpty ? "no drizzle findings" : summary)")
        if ProcessInfo.processInfo.environment["SCHEMALINT_CORPUS_DETAIL"] == "1" {
            for located in findings {
                print("  \(located.finding.path):\(located.start.line):\(located.start.column) [\(located.finding.ruleID)] \(located.finding.message)")
            }
        }
    }
}
