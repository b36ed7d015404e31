import Core
import Linter
import RuleEngine
import Testing

/// The registry and `rules/` match one to one, and every text follows the message style in docs/messages.md:
/// lower-case start, no trailing period; messages say what is wrong, `help` says what to do.
@Suite struct CatalogConsistencyTests {
    let catalog = (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: [])

    @Test func registeredRulesAndCatalogFilesMatchOneToOne() {
        #expect(Set(RuleRegistry.ids) == Set(catalog.ids))
        for id in catalog.ids {
            #expect(catalog[id]?.file == id + ".yml", "catalog entry for \(id) must live at rules/\(id).yml")
        }
    }

    @Test func summariesFollowTheStyle() {
        for id in catalog.ids {
            guard let entry = catalog[id] else { continue }
            #expect(MessageStyle.violations(entry.summary).isEmpty, "\(id) summary: \(MessageStyle.violations(entry.summary))")
        }
    }

    @Test(arguments: RuleExampleTests.cases.filter { $0.kind == "invalid" })
    func findingsFollowTheMessageStyle(_ example: ExampleCase) throws {
        let run = try ExampleRunner.run(example, mutation: .asWritten, catalog: catalog)
        #expect(!run.actual.isEmpty)
        let report = try exampleReport(example)
        for located in report {
            #expect(MessageStyle.violations(located.message).isEmpty, "message of \(example): \(located.message)")
            #expect(MessageStyle.violations(located.help).isEmpty, "help of \(example): \(located.help)")
        }
    }

    private func exampleReport(_ example: ExampleCase) throws -> [Finding] {
        var files: [String: [UInt8]] = [:]
        for (path, text) in example.example.files { files[path] = Markers.strip(Array(text.utf8)).0 }
        var configuration = Configuration()
        if let config = example.example.config {
            configuration = try ConfigurationReader(catalog: catalog).read(Array(config.utf8), file: ".schemalint.yml")
        }
        let report = try Engine.run(LintRequest(source: MemoryFileSource(files: files), configuration: configuration, configurationFile: nil, catalog: catalog))
        return report.findings.map(\.finding).filter { $0.ruleID == example.ruleID }
    }
}

/// The written-down message style (docs/messages.md), as a check.
enum MessageStyle {
    static func violations(_ text: String) -> [String] {
        var problems: [String] = []
        if text.isEmpty { problems.append("empty") }
        if let first = text.first, first.isUppercase, !text.hasPrefix("SQL"), !text.hasPrefix("JSON"), !startsWithAcronym(text) {
            problems.append("starts with an upper-case letter")
        }
        if text.hasSuffix(".") { problems.append("ends with a period") }
        if text.contains("\n") { problems.append("spans several lines") }
        return problems
    }

    /// `GitHub`, `AWS`, `PEM` and other proper names may start a message.
    private static func startsWithAcronym(_ text: String) -> Bool {
        let word = text.prefix { $0.isLetter }
        return word.count > 1 && word.dropFirst().contains { $0.isUppercase }
    }
}
