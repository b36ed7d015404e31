import Core
import Reporters

/// `ReporterFixture` with a fixed rule list and catalog texts, for golden files that list rules (SARIF's
/// `tool.driver.rules`, JUnit's test cases): adding a rule or editing a rule's description elsewhere must not
/// change these goldens.
enum StableReporterFixture {
    static let catalogFiles: [(path: String, contents: String)] = [
        ("gist/invalid-json.yml", """
            id: gist/invalid-json
            summary: a Gist file that is not valid JSON
            severity: error
            description: |
              Commands read Gist files with `JSON.parse`; a file that does not parse breaks them.
            """),
        ("gist/secret.yml", """
            id: gist/secret
            summary: credentials in a Gist file
            severity: error
            description: |
              Secret gists are readable by anyone with the URL; keep "credentials" & <tokens> elsewhere.
            """),
        ("gist/size-limit.yml", """
            id: gist/size-limit
            summary: a Gist file over the API's size limits
            severity: error
            description: |
              The Gist API truncates files over 1 MB.
            """),
    ]

    static func report() throws -> (Report, RenderContext) {
        var (report, context) = try ReporterFixture.report()
        context.catalog = try RuleCatalog(files: catalogFiles)
        report.rulesRun = ["gist/invalid-json", "gist/secret", "gist/size-limit"]
        return (report, context)
    }
}
