import Core
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reporters
import Testing

@Suite struct JUnitReporterTests {
    @Test func matchesGolden() throws {
        let (report, context) = try StableReporterFixture.report()
        try GoldenFile.check(JUnitReporter().render(report, context), against: "report.junit.xml")
    }

    @Test func isWellFormedXMLEvenWithMarkupAndControlCharactersInMessages() throws {
        var (report, context) = try StableReporterFixture.report()
        report.findings[0].finding.message = "a <b> & \"c\" 'd' \u{1}\u{7} ]]> end"
        let xml = JUnitReporter().render(report, context)
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(xml.contains("message=\"a &lt;b&gt; &amp; &quot;c&quot; 'd' \\u{1}\\u{7} ]]&gt; end\""))
    }

    @Test func oneSuitePerFileAndOneCasePerRule() throws {
        let (report, context) = try StableReporterFixture.report()
        let xml = JUnitReporter().render(report, context)
        #expect(xml.components(separatedBy: "<testsuite ").count - 1 == report.files.count)
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == report.files.count * report.rulesRun.count)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == report.findings.count)
    }
}
