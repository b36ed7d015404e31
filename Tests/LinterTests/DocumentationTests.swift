import Core
import Foundation
import Linter
import Testing

/// The README's rules table is generated from `rules/`; this keeps it in sync
/// (`SCHEMALINT_UPDATE_GOLDEN=1 swift test --filter DocumentationTests` rewrites it).
@Suite struct DocumentationTests {
    static let readme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    @Test func readmeRulesTableMatchesTheCatalog() throws {
        let catalog = try RuleCatalog.builtIn.get()
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = "<!-- rules:begin -->\n"
        let end = "<!-- rules:end -->"
        let start = try #require(text.range(of: begin))
        let finish = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let table = RuleDocumentation.table(catalog)
        if ProcessInfo.processInfo.environment["SCHEMALINT_UPDATE_GOLDEN"] == "1" {
            try (text[..<start.upperBound] + table + text[finish.lowerBound...]).write(to: Self.readme, atomically: false, encoding: .utf8)
            return
        }
        #expect(String(text[start.upperBound..<finish.lowerBound]) == table, "README rules table is stale: run SCHEMALINT_UPDATE_GOLDEN=1 swift test --filter DocumentationTests")
    }

    @Test func everyExplanationRendersItsExamples() throws {
        let catalog = try RuleCatalog.builtIn.get()
        for id in catalog.ids {
            let entry = try #require(catalog[id])
            let text = RuleDocumentation.markdown(for: entry)
            #expect(text.hasPrefix("# \(id)\n"))
            #expect(text.contains("## Flagged"))
            #expect(text.contains("## Not flagged"))
        }
    }
}
