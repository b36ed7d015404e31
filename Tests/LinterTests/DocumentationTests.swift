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

    static let rulePages = readme.deletingLastPathComponent().appendingPathComponent("docs/rules")

    /// `docs/rules/<domain>/<name>.md` is `schemalint explain <id>` for every rule of the catalog, and nothing else
    /// is there: reports link to these pages (SARIF `helpUri`, editors, text output with `SCHEMALINT_DOCS_URL`).
    @Test func rulePagesMatchTheCatalog() throws {
        let catalog = try RuleCatalog.builtIn.get()
        let update = ProcessInfo.processInfo.environment["SCHEMALINT_UPDATE_GOLDEN"] == "1"
        let manager = FileManager.default
        if update { try? manager.removeItem(at: Self.rulePages) }
        for id in catalog.ids {
            let entry = try #require(catalog[id])
            let page = Self.rulePages.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(RuleLinks.repositoryPath(id))
            let text = RuleDocumentation.markdown(for: entry)
            if update {
                try manager.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: page, atomically: false, encoding: .utf8)
                continue
            }
            let written = try? String(contentsOf: page, encoding: .utf8)
            #expect(written == text, "\(RuleLinks.repositoryPath(id)) is stale or missing: run SCHEMALINT_UPDATE_GOLDEN=1 swift test --filter DocumentationTests")
        }
        let expected = Set(catalog.ids.map { RuleLinks.repositoryPath($0) })
        let found = (manager.enumerator(atPath: Self.rulePages.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.map { "docs/rules/" + $0 }
        #expect(Set(found).subtracting(expected).isEmpty, "pages of rules the catalog does not have: \(Set(found).subtracting(expected).sorted())")
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
