import Core
import Reporters
import Testing

@Suite struct TextAndJSONReporterTests {
    @Test func textMatchesGolden() throws {
        let (report, context) = try ReporterFixture.report()
        try GoldenFile.check(TextReporter().render(report, context), against: "report.txt")
    }

    @Test func textWithColorWrapsSeveritiesInANSICodes() throws {
        var (report, context) = try ReporterFixture.report()
        context.useColor = true
        let output = TextReporter().render(report, context)
        #expect(output.contains("\u{1B}[1;31merror\u{1B}[0m"))
        report.findings = []
        context.useColor = false
        #expect(!TextReporter().render(report, context).contains("\u{1B}["))
    }

    @Test func jsonMatchesGolden() throws {
        let (report, context) = try ReporterFixture.report()
        try GoldenFile.check(JSONReporter().render(report, context), against: "report.json")
    }

    @Test func columnsCountScalarsOnNonASCIILines() throws {
        let (report, _) = try ReporterFixture.report()
        let token = try #require(report.findings.first { $0.finding.path == "gists/ünïcode.json" })
        // `{ "note": "café ☕ — naïve", "apiToken": ` is 40 scalars; the value starts at column 41.
        #expect(token.start == SourcePosition(line: 1, column: 41))
        #expect(token.end == SourcePosition(line: 1, column: 56))
    }

    @Test func crlfFilesReportTheSameLinesAsLF() throws {
        let (report, _) = try ReporterFixture.report()
        let password = try #require(report.findings.first { $0.finding.path == "gists/crlf.json" })
        #expect(password.start == SourcePosition(line: 3, column: 15))
        // The credential is masked after its first four characters (`gist/secret` flags it).
        #expect(password.sourceLine == "  \"password\": \"s3cr********\"")
    }

    @Test func pathPrefixIsAppliedToEveryPath() throws {
        var (report, context) = try ReporterFixture.report()
        context.pathPrefix = "examples/demo/"
        report.findings = Array(report.findings.prefix(1))
        #expect(JSONReporter().render(report, context).contains("\"path\": \"examples/demo/gists/"))
        #expect(TextReporter().render(report, context).hasPrefix("examples/demo/gists/"))
    }

    /// The text summary ends with the findings per rule, most first, and how many migrations were judged;
    /// JSON carries the same migration counts.
    @Test func summaryEndsWithCountsPerRuleAndJudgedMigrations() throws {
        var (report, context) = try ReporterFixture.report()
        let secret = try #require(report.findings.first { $0.finding.ruleID == "gist/secret" })
        report.findings += Array(repeating: secret, count: 10)
        report.migrationsJudged = 1
        report.migrationsApplied = 41
        report.appliedBoundary = "committed on main"
        let lines = TextReporter().render(report, context).split(separator: "\n").suffix(4).map(String.init)
        #expect(lines == [
            "1 error, 12 warnings in 3 files (0.04 s)",
            "  12  gist/secret",
            "   1  gist/invalid-json",
            "1 migration judged, 41 taken as applied (committed on main)",
        ])
        let json = JSONReporter().render(report, context)
        #expect(json.contains("\"migrationsJudged\": 1"))
        #expect(json.contains("\"migrationsApplied\": 41"))

        report.migrationsApplied = 0
        report.appliedBoundary = nil
        #expect(TextReporter().render(report, context).hasSuffix("\n1 migration judged\n"))
        report.migrationsJudged = 0
        report.findings = []
        #expect(TextReporter().render(report, context) == "0 errors, 0 warnings in 3 files (0.04 s)\n")
    }
}
