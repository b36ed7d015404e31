import Core
import Foundation
@testable import Reporters
import Testing

@Suite struct SARIFReporterTests {
    @Test func matchesGolden() throws {
        let (report, context) = try StableReporterFixture.report()
        try GoldenFile.check(SARIFReporter().render(report, context), against: "report.sarif")
    }

    @Test func resultsPointAtTheirRuleAndUseRelativeEncodedURIs() throws {
        let (report, context) = try StableReporterFixture.report()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report, context).utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let uris = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String } }
        #expect(uris.contains("gists/%C3%BCn%C3%AFcode.json"))
        #expect(uris.allSatisfy { !$0.hasPrefix("/") && !$0.contains("\\") })
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func rulesLinkToTheirPagesWhenTheirLocationIsKnown() throws {
        var (report, context) = try StableReporterFixture.report()
        #expect(!SARIFReporter().render(report, context).contains("helpUri"))
        context.ruleLinks = RuleLinks(base: "https://example.org/schemalint/docs/rules")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report, context).utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect(rule["helpUri"] as? String == "https://example.org/schemalint/docs/rules/\(id).md")
        }
        report.findings = Array(report.findings.prefix(1))
        context.useColor = true
        let id = try #require(report.findings.first?.finding.ruleID)
        #expect(TextReporter().render(report, context).contains("\u{1B}]8;;https://example.org/schemalint/docs/rules/\(id).md\u{1B}\\\(id)"))
    }

    @Test func pathsBecomeURIReferencesAndIDsNames() {
        #expect(SARIFReporter.uriReference("a b/ü.json") == "a%20b/%C3%BC.json")
        #expect(SARIFReporter.pascalCase("schema/money-as-float") == "SchemaMoneyAsFloat")
    }
}
