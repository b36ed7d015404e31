import Core
@testable import Reporters
import Testing

@Suite struct GitHubReporterTests {
    @Test func matchesGolden() throws {
        let (report, context) = try StableReporterFixture.report()
        try GoldenFile.check(GitHubReporter().render(report, context), against: "report.github.txt")
    }

    @Test func escapesMessagesAndProperties() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubReporter.escapeProperty("odd:name,1%.json") == "odd%3Aname%2C1%25.json")
    }

    @Test func oneLinePerFindingEvenWithLineBreaksInTheMessage() throws {
        var (report, context) = try StableReporterFixture.report()
        report.findings = Array(report.findings.prefix(1))
        report.findings[0].finding.message = "first line\nsecond: line"
        report.findings[0].finding.path = "gists/a,b:c.json"
        let lines = GitHubReporter().render(report, context).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::\(report.findings[0].finding.severity == .error ? "error" : "warning") file=gists/a%2Cb%3Ac.json,line="))
        // The message's own line break is shown escaped; the only real one (encoded) is before `help:`.
        #expect(lines[0].contains("::first line\\nsecond: line%0Ahelp: "))
    }

    @Test func saysWhenGitHubHidesAnnotations() throws {
        var (report, context) = try StableReporterFixture.report()
        let error = try #require(report.findings.first { $0.finding.severity == .error })
        report.findings = Array(repeating: error, count: 12)
        let summary = try #require(GitHubReporter().render(report, context).split(separator: "\n").last)
        #expect(summary.hasPrefix("schemalint: 12 errors, 0 warnings, 0 notices in 3 files; GitHub shows only the first 10 annotations of each kind per step, so 2 errors appear only in this log"))
        report.findings = Array(repeating: error, count: 10)
        #expect(!GitHubReporter().render(report, context).contains("GitHub shows only"))
    }
}
